using System.Numerics.Tensors;

namespace ReviewPulse.Training.Engine;

/// <summary>Element-wise kernels shared by the layers (vectorised through System.Numerics.Tensors).</summary>
internal static class Tensor
{
    public static void Relu(Span<float> x) => TensorPrimitives.Max(x, 0f, x);

    /// <summary>dx = dy where the ReLU output was positive, else 0 (in place on dy).</summary>
    public static void ReluBackward(ReadOnlySpan<float> output, Span<float> grad)
    {
        for (var i = 0; i < grad.Length; i++)
        {
            if (output[i] <= 0f)
            {
                grad[i] = 0f;
            }
        }
    }

    /// <summary>Adds <paramref name="bias"/> to each of the rows of <paramref name="x"/>.</summary>
    public static void AddBias(Span<float> x, ReadOnlySpan<float> bias)
    {
        for (var offset = 0; offset < x.Length; offset += bias.Length)
        {
            var row = x.Slice(offset, bias.Length);
            TensorPrimitives.Add(row, bias, row);
        }
    }

    /// <summary>Sums the rows of <paramref name="grad"/> into <paramref name="biasGrad"/>.</summary>
    public static void AccumulateBiasGrad(ReadOnlySpan<float> grad, Span<float> biasGrad)
    {
        for (var offset = 0; offset < grad.Length; offset += biasGrad.Length)
        {
            TensorPrimitives.Add(biasGrad, grad.Slice(offset, biasGrad.Length), biasGrad);
        }
    }
}
