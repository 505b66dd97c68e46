using ReviewPulse.Core.Text;

namespace ReviewPulse.Training.Engine;

/// <summary>fastText-style classifier: the mean embedding of hashed word and character n-grams, then the dense head.</summary>
internal sealed class NgramNetwork : ISentimentNetwork
{
    private readonly EmbeddingBag _embedding;
    private readonly DenseHead _head;
    private readonly int _threads;

    public NgramNetwork(HashedNgramEncoder encoder, int dimensions, int[] hidden, float dropout, int threads, int seed)
    {
        Encoder = encoder;
        _threads = Math.Max(1, threads);
        _embedding = new EmbeddingBag("embedding", encoder.Buckets, dimensions);
        _head = new DenseHead(dimensions, hidden, 3, dropout, _threads);
        Parameters = [_embedding.Weight, .. _head.Parameters];
        var random = new Random(seed);
        _embedding.Weight.InitNormal(random, 1f / MathF.Sqrt(dimensions));
        _embedding.Weight.Value.AsSpan(encoder.Buckets * dimensions).Clear();
        _head.Initialize(random);
        DropoutRandom = new Random(seed + 1);
    }

    public ITextEncoder Encoder { get; }

    public IReadOnlyList<Parameter> Parameters { get; }

    public Random DropoutRandom { get; set; }

    public EmbeddingBag Embedding => _embedding;

    public DenseHead Head => _head;

    public long ForwardMultiplyAdds => (long)Encoder.MaxLength * _embedding.Dimensions + _head.MultiplyAdds;

    public void Forward(EncodedBatch batch, float[] logits, bool training)
    {
        var features = _head.Input(batch.Count);
        var d = _embedding.Dimensions;
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = _threads },
            s => _embedding.Forward(batch.Row(s), batch.Counts[s], features.AsSpan(s * d, d)));
        _head.Forward(batch.Count, logits, training, DropoutRandom);
    }

    public void Backward(EncodedBatch batch, float[] logitGradients)
    {
        var dFeatures = _head.Backward(batch.Count, logitGradients, training: true);
        var d = _embedding.Dimensions;
        for (var s = 0; s < batch.Count; s++)
        {
            _embedding.Backward(batch.Row(s), batch.Counts[s], dFeatures.AsSpan(s * d, d));
        }
    }
}
