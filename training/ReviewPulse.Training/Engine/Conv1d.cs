namespace ReviewPulse.Training.Engine;

/// <summary>
/// 1-D convolution (valid, stride 1) over one sample stored channels-last, [time × channels]. In that layout the
/// window of output t is the contiguous run x[t·Cin … (t+K)·Cin), so the input is its own im2col matrix
/// (row stride Cin, rows overlapping) and the layer is one GEMM with weights [K·Cin × Cout].
/// </summary>
internal sealed class Conv1d
{
    public Conv1d(string name, int inChannels, int outChannels, int kernel)
    {
        InChannels = inChannels;
        OutChannels = outChannels;
        Kernel = kernel;
        Weight = new Parameter($"{name}.weight", kernel * inChannels, outChannels);
        Bias = new Parameter($"{name}.bias", outChannels);
    }

    public int InChannels { get; }

    public int OutChannels { get; }

    public int Kernel { get; }

    public Parameter Weight { get; }

    public Parameter Bias { get; }

    public int OutputLength(int inputLength) => inputLength - Kernel + 1;

    public long MultiplyAdds(int inputLength) => (long)OutputLength(inputLength) * Kernel * InChannels * OutChannels;

    public void Forward(ReadOnlySpan<float> x, int length, Span<float> y)
    {
        var tOut = OutputLength(length);
        Gemm.Multiply(false, false, tOut, OutChannels, Kernel * InChannels, x, InChannels, Weight.Value, OutChannels, y, OutChannels, false);
        Tensor.AddBias(y[..(tOut * OutChannels)], Bias.Value);
    }

    /// <summary>Accumulates weight and bias gradients; writes the input gradient when <paramref name="dx"/> is not empty.</summary>
    public void Backward(ReadOnlySpan<float> x, int length, ReadOnlySpan<float> dy, Span<float> dx, Span<float> dWeight, Span<float> dBias)
    {
        var tOut = OutputLength(length);
        var window = Kernel * InChannels;
        Gemm.Multiply(true, false, window, OutChannels, tOut, x, InChannels, dy, OutChannels, dWeight, OutChannels, true);
        Tensor.AccumulateBiasGrad(dy[..(tOut * OutChannels)], dBias);
        if (dx.IsEmpty)
        {
            return;
        }
        dx[..(length * InChannels)].Clear();
        for (var k = 0; k < Kernel; k++)
        {
            var wk = Weight.Value.AsSpan(k * InChannels * OutChannels, InChannels * OutChannels);
            Gemm.Multiply(false, true, tOut, InChannels, OutChannels, dy, OutChannels, wk, OutChannels, dx[(k * InChannels)..], InChannels, true);
        }
    }
}
