namespace ReviewPulse.Training.Engine;

/// <summary>Inverted dropout: keeps each unit with probability 1−p and scales it by 1/(1−p) while training.</summary>
internal static class Dropout
{
    public static void Forward(Span<float> x, Span<float> mask, float p, Random random)
    {
        var scale = 1f / (1f - p);
        for (var i = 0; i < x.Length; i++)
        {
            mask[i] = random.NextSingle() >= p ? scale : 0f;
            x[i] *= mask[i];
        }
    }

    public static void Backward(Span<float> grad, ReadOnlySpan<float> mask)
    {
        for (var i = 0; i < grad.Length; i++)
        {
            grad[i] *= mask[i];
        }
    }
}
