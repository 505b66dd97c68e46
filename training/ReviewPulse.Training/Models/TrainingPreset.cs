using ReviewPulse.Core.Modeling;
using ReviewPulse.Core.Text;
using ReviewPulse.Training.Engine;

namespace ReviewPulse.Training.Models;

/// <summary>Hyper-parameters of a hashed n-gram network.</summary>
internal sealed record NgramShape(int Buckets, int Dimensions, int WordNgrams, int CharNgramMin, int CharNgramMax, int MaxFeatures, int[] Hidden, float Dropout,
    float InputDropout = 0f);

/// <summary>A named network and its optimiser settings; <c>train --preset NAME</c> picks one.</summary>
internal sealed record TrainingPreset(string Name, string Architecture, CharCnnShape? Cnn, NgramShape? Ngram, int BatchSize,
    float LearningRate, float WeightDecay, int Epochs, string Description)
{
    public static IReadOnlyList<TrainingPreset> All { get; } =
    [
        new("tutorial", "charcnn",
            new CharCnnShape(1014, 69, [256, 256, 256, 256, 256, 256], [7, 7, 3, 3, 3, 3], [3, 3, 1, 1, 1, 3], [1024, 1024], 0.5f),
            null, 64, 5e-4f, 0f, 10, "The tutorial's network exactly: 6 conv layers of 256 filters, dense 1024-1024-3, input 1014."),
        new("cnn-small", "charcnn",
            new CharCnnShape(512, 69, [96, 96, 96, 96, 96, 96], [7, 7, 3, 3, 3, 3], [3, 3, 1, 1, 1, 3], [256, 256], 0.5f),
            null, 64, 1e-3f, 1e-4f, 4, "The same 6 conv + 3 dense shape with 96 filters, input 512, dense 256: ~15x cheaper."),
        new("fasttext", "ngram", null,
            new NgramShape(1 << 18, 10, 2, 3, 5, 4096, [], 0f),
            256, 1e-2f, 0f, 5, "Mean of hashed word 1-2-grams and character 3-5-grams (2^18 buckets x 10), linear read-out."),
        new("fasttext-mlp", "ngram", null,
            new NgramShape(1 << 17, 20, 2, 3, 5, 4096, [64], 0.2f),
            256, 3e-3f, 1e-5f, 5, "Hashed n-grams (2^17 buckets x 20) with a 64-unit hidden layer."),
        new("fasttext-words", "ngram", null,
            new NgramShape(1 << 18, 10, 3, 0, 0, 4096, [], 0f, 0.2f),
            256, 5e-3f, 0f, 6, "Hashed word 1-3-grams only (fastText's default shape), n-gram dropout 0.2."),
        new("fasttext-mlp-drop", "ngram", null,
            new NgramShape(1 << 17, 20, 2, 3, 5, 4096, [128], 0.3f, 0.3f),
            256, 3e-3f, 1e-5f, 6, "Hashed n-grams (2^17 x 20), n-gram dropout 0.3, 128-unit hidden layer with dropout 0.3."),
    ];

    public static TrainingPreset Find(string name) =>
        All.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"Unknown preset '{name}'. Known: {string.Join(", ", All.Select(p => p.Name))}.");

    public TextEncodingSpec EncodingSpec => Architecture == "charcnn"
        ? new CharacterEncodingSpec(CharacterEncoder.TutorialAlphabet, Cnn!.Length)
        : new HashedNgramEncodingSpec(Ngram!.Buckets, Ngram.WordNgrams, Ngram.CharNgramMin, Ngram.CharNgramMax, Ngram.MaxFeatures);

    public ISentimentNetwork CreateNetwork(int threads, int seed) => Architecture == "charcnn"
        ? new CharCnn(Cnn!, EncodingSpec.CreateEncoder(), threads, seed)
        : new NgramNetwork((HashedNgramEncoder)EncodingSpec.CreateEncoder(), Ngram!.Dimensions, Ngram.Hidden, Ngram.Dropout, threads, seed, Ngram.InputDropout);

    public IReadOnlyDictionary<string, string> HyperParameters()
    {
        var h = new Dictionary<string, string>
        {
            ["batchSize"] = BatchSize.ToString(),
            ["learningRate"] = LearningRate.ToString("G"),
            ["weightDecay"] = WeightDecay.ToString("G"),
            ["optimizer"] = "AdamW, warm-up then cosine decay, gradient norm clipped at 5",
        };
        if (Cnn is { } c)
        {
            h["inputLength"] = c.Length.ToString();
            h["filters"] = string.Join(',', c.Filters);
            h["kernels"] = string.Join(',', c.Kernels);
            h["pools"] = string.Join(',', c.Pools);
            h["hidden"] = string.Join(',', c.Hidden);
            h["dropout"] = c.Dropout.ToString("G");
        }
        if (Ngram is { } n)
        {
            h["buckets"] = n.Buckets.ToString();
            h["dimensions"] = n.Dimensions.ToString();
            h["wordNgrams"] = n.WordNgrams.ToString();
            h["charNgrams"] = $"{n.CharNgramMin}-{n.CharNgramMax}";
            h["hidden"] = string.Join(',', n.Hidden);
            h["dropout"] = n.Dropout.ToString("G");
            h["inputDropout"] = n.InputDropout.ToString("G");
        }
        return h;
    }
}
