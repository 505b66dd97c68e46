namespace ReviewPulse.Training.Engine;

/// <summary>Fully connected layer on a batch, Y[B×out] = X[B×in]·W[in×out] + b.</summary>
internal sealed class Dense
{
    public Dense(string name, int inputs, int outputs)
    {
        Inputs = inputs;
        Outputs = outputs;
        Weight = new Parameter($"{name}.weight", inputs, outputs);
        Bias = new Parameter($"{name}.bias", outputs);
    }

    public int Inputs { get; }

    public int Outputs { get; }

    public Parameter Weight { get; }

    public Parameter Bias { get; }

    public void Forward(float[] x, int batch, float[] y, int threads)
    {
        Gemm.MultiplyParallel(false, false, batch, Outputs, Inputs, x, Inputs, Weight.Value, Outputs, y, Outputs, false, threads);
        Tensor.AddBias(y.AsSpan(0, batch * Outputs), Bias.Value);
    }

    /// <summary>Accumulates into the parameters' gradients; writes dx unless it is null.</summary>
    public void Backward(float[] x, int batch, float[] dy, float[]? dx, int threads)
    {
        Gemm.MultiplyParallel(true, false, Inputs, Outputs, batch, x, Inputs, dy, Outputs, Weight.Grad, Outputs, true, threads);
        Tensor.AccumulateBiasGrad(dy.AsSpan(0, batch * Outputs), Bias.Grad);
        if (dx is not null)
        {
            Gemm.MultiplyParallel(false, true, batch, Inputs, Outputs, dy, Outputs, Weight.Value, Outputs, dx, Inputs, false, threads);
        }
    }
}
