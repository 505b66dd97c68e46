namespace ReviewPulse.Training.Engine;

/// <summary>Non-overlapping max-pool over time (size = stride), channels-last; remembers the winners for backward.</summary>
internal static class MaxPool1d
{
    public static int OutputLength(int length, int size) => length / size;

    public static void Forward(ReadOnlySpan<float> x, int length, int channels, int size, Span<float> y, Span<int> argMax)
    {
        var tOut = OutputLength(length, size);
        for (var t = 0; t < tOut; t++)
        {
            var baseIndex = t * size * channels;
            for (var c = 0; c < channels; c++)
            {
                var best = baseIndex + c;
                for (var s = 1; s < size; s++)
                {
                    var i = baseIndex + (s * channels) + c;
                    if (x[i] > x[best])
                    {
                        best = i;
                    }
                }
                y[(t * channels) + c] = x[best];
                argMax[(t * channels) + c] = best;
            }
        }
    }

    /// <summary>dx = 0 except at each window's winner, which receives that window's gradient.</summary>
    public static void Backward(ReadOnlySpan<float> dy, ReadOnlySpan<int> argMax, Span<float> dx, int count)
    {
        dx.Clear();
        for (var i = 0; i < count; i++)
        {
            dx[argMax[i]] += dy[i];
        }
    }
}
