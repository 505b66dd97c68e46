using System.Numerics.Tensors;

namespace ReviewPulse.Training.Engine;

/// <summary>Class-weighted softmax cross-entropy: mean of w[y]·(−log p[y]) over the batch, normalised by Σ w[y].</summary>
internal static class SoftmaxCrossEntropy
{
    /// <summary>Softmax of each row of logits, in place.</summary>
    public static void Softmax(Span<float> logits, int classes)
    {
        for (var offset = 0; offset < logits.Length; offset += classes)
        {
            var row = logits.Slice(offset, classes);
            TensorPrimitives.SoftMax(row, row);
        }
    }

    /// <summary>Returns the loss and writes dLoss/dLogits into <paramref name="grad"/>.</summary>
    public static float LossAndGradient(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, ReadOnlySpan<float> classWeights,
        Span<float> grad)
    {
        var classes = classWeights.Length;
        var totalWeight = 0f;
        foreach (var label in labels)
        {
            totalWeight += classWeights[label];
        }
        var loss = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            var g = grad.Slice(i * classes, classes);
            TensorPrimitives.SoftMax(logits.Slice(i * classes, classes), g);
            var w = classWeights[labels[i]] / totalWeight;
            loss -= w * Math.Log(Math.Max(g[labels[i]], 1e-12f));
            g[labels[i]] -= 1f;
            TensorPrimitives.Multiply(g, w, g);
        }
        return (float)loss;
    }
}
