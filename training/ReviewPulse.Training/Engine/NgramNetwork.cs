using ReviewPulse.Core.Text;

namespace ReviewPulse.Training.Engine;

/// <summary>fastText-style classifier: the mean embedding of hashed word and character n-grams, then the dense head.</summary>
internal sealed class NgramNetwork : ISentimentNetwork
{
    private readonly EmbeddingBag _embedding;
    private readonly DenseHead _head;
    private readonly int _threads;

    private int[] _keptIds = [];
    private int[] _keptCounts = [];
    private int _keptWidth;

    /// <param name="inputDropout">Share of a text's n-grams left out of each training example (regularises the bag).</param>
    public NgramNetwork(HashedNgramEncoder encoder, int dimensions, int[] hidden, float dropout, int threads, int seed, float inputDropout = 0f)
    {
        InputDropout = inputDropout;
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

    public float InputDropout { get; }

    public IReadOnlyList<Parameter> Parameters { get; }

    public Random DropoutRandom { get; set; }

    public EmbeddingBag Embedding => _embedding;

    public DenseHead Head => _head;

    public long ForwardMultiplyAdds => (long)Encoder.MaxLength * _embedding.Dimensions + _head.MultiplyAdds;

    public void Forward(EncodedBatch batch, float[] logits, bool training)
    {
        var features = _head.Input(batch.Count);
        var d = _embedding.Dimensions;
        if (training && InputDropout > 0)
        {
            DropInputs(batch);
        }
        var useKept = training && InputDropout > 0;
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = _threads },
            s => _embedding.Forward(Ids(batch, s, useKept), useKept ? _keptCounts[s] : batch.Counts[s], features.AsSpan(s * d, d)));
        _head.Forward(batch.Count, logits, training, DropoutRandom);
    }

    public void Backward(EncodedBatch batch, float[] logitGradients)
    {
        var dFeatures = _head.Backward(batch.Count, logitGradients, training: true);
        var d = _embedding.Dimensions;
        for (var s = 0; s < batch.Count; s++)
        {
            var kept = InputDropout > 0;
            _embedding.Backward(Ids(batch, s, kept), kept ? _keptCounts[s] : batch.Counts[s], dFeatures.AsSpan(s * d, d));
        }
    }

    private ReadOnlySpan<int> Ids(EncodedBatch batch, int sample, bool kept) =>
        kept ? _keptIds.AsSpan(sample * _keptWidth, _keptWidth) : batch.Row(sample);

    /// <summary>Keeps each n-gram with probability 1 − InputDropout (at least one per non-empty text), drawn in order so runs repeat.</summary>
    private void DropInputs(EncodedBatch batch)
    {
        _keptWidth = batch.Width;
        if (_keptIds.Length < batch.Count * batch.Width)
        {
            _keptIds = new int[batch.Count * batch.Width];
        }
        if (_keptCounts.Length < batch.Count)
        {
            _keptCounts = new int[batch.Count];
        }
        for (var s = 0; s < batch.Count; s++)
        {
            var row = batch.Row(s);
            var kept = _keptIds.AsSpan(s * _keptWidth, _keptWidth);
            var n = 0;
            for (var i = 0; i < batch.Counts[s]; i++)
            {
                if (DropoutRandom.NextSingle() >= InputDropout)
                {
                    kept[n++] = row[i];
                }
            }
            if (n == 0 && batch.Counts[s] > 0)
            {
                kept[n++] = row[0];
            }
            _keptCounts[s] = n;
        }
    }
}
