using System.Numerics.Tensors;

namespace ReviewPulse.Training.Engine;

/// <summary>
/// The first convolution, reading character ids instead of a one-hot matrix: a one-hot column selects one weight
/// row, so each output is a sum of K gathered rows. Weights are [K × alphabet × Cout]; the padding id contributes 0.
/// </summary>
internal sealed class OneHotConv1d
{
    public OneHotConv1d(string name, int alphabetSize, int outChannels, int kernel)
    {
        AlphabetSize = alphabetSize;
        OutChannels = outChannels;
        Kernel = kernel;
        Weight = new Parameter($"{name}.weight", kernel, alphabetSize, outChannels);
        Bias = new Parameter($"{name}.bias", outChannels);
    }

    public int AlphabetSize { get; }

    public int OutChannels { get; }

    public int Kernel { get; }

    public Parameter Weight { get; }

    public Parameter Bias { get; }

    public int OutputLength(int inputLength) => inputLength - Kernel + 1;

    public void Forward(ReadOnlySpan<int> ids, Span<float> y)
    {
        var tOut = OutputLength(ids.Length);
        var w = Weight.Value.AsSpan();
        for (var t = 0; t < tOut; t++)
        {
            var row = y.Slice(t * OutChannels, OutChannels);
            Bias.Value.CopyTo(row);
            for (var k = 0; k < Kernel; k++)
            {
                var id = ids[t + k];
                if (id < AlphabetSize)
                {
                    TensorPrimitives.Add(row, w.Slice(((k * AlphabetSize) + id) * OutChannels, OutChannels), row);
                }
            }
        }
    }

    public void Backward(ReadOnlySpan<int> ids, ReadOnlySpan<float> dy, Span<float> dWeight, Span<float> dBias)
    {
        var tOut = OutputLength(ids.Length);
        Tensor.AccumulateBiasGrad(dy[..(tOut * OutChannels)], dBias);
        for (var t = 0; t < tOut; t++)
        {
            var g = dy.Slice(t * OutChannels, OutChannels);
            for (var k = 0; k < Kernel; k++)
            {
                var id = ids[t + k];
                if (id < AlphabetSize)
                {
                    var dst = dWeight.Slice(((k * AlphabetSize) + id) * OutChannels, OutChannels);
                    TensorPrimitives.Add(dst, g, dst);
                }
            }
        }
    }
}
