namespace ReviewPulse.Training.Tests.Engine;

/// <summary>Central finite differences against an analytic gradient, on a random subset of entries.</summary>
internal static class GradientCheck
{
    public static void Assert(string what, float[] values, float[] analytic, Func<double> loss, int samples = 40,
        float epsilon = 1e-2f, double tolerance = 2e-2, int seed = 7)
    {
        var random = new Random(seed);
        var worst = 0.0;
        for (var n = 0; n < Math.Min(samples, values.Length); n++)
        {
            var i = samples >= values.Length ? n : random.Next(values.Length);
            var original = values[i];
            values[i] = original + epsilon;
            var plus = loss();
            values[i] = original - epsilon;
            var minus = loss();
            values[i] = original;
            var numeric = (plus - minus) / (2 * epsilon);
            var error = Math.Abs(numeric - analytic[i]) / Math.Max(1e-2, Math.Abs(numeric) + Math.Abs(analytic[i]));
            worst = Math.Max(worst, error);
            Xunit.Assert.True(error < tolerance,
                $"{what}[{i}]: numeric {numeric:G6} vs analytic {analytic[i]:G6} (relative error {error:G3})");
        }
        Xunit.Assert.True(worst < tolerance);
    }

    public static float[] RandomArray(Random random, int length, float scale = 1f) =>
        [.. Enumerable.Range(0, length).Select(_ => (random.NextSingle() * 2 - 1) * scale)];

    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }
        return sum;
    }
}
