namespace ReviewPulse.Training.Engine;

/// <summary>Class probabilities from the engine's own forward pass (no dropout).</summary>
internal static class Inference
{
    public static float[] Probabilities(ISentimentNetwork network, IReadOnlyList<string> texts, int batchSize = 256)
    {
        var result = new float[texts.Count * 3];
        var batch = new EncodedBatch(network.Encoder, batchSize);
        var logits = new float[batchSize * 3];
        for (var start = 0; start < texts.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, texts.Count - start);
            batch.Fill([.. texts.Skip(start).Take(count)], null);
            network.Forward(batch, logits, training: false);
            var slice = logits.AsSpan(0, count * 3);
            SoftmaxCrossEntropy.Softmax(slice, 3);
            slice.CopyTo(result.AsSpan(start * 3));
        }
        return result;
    }
}
