using ReviewPulse.Training.Engine;
using ReviewPulse.Training.Models;

namespace ReviewPulse.Training.Tests.Support;

/// <summary>Presets small enough to train in a second, with the same architectures as the real ones.</summary>
internal static class TinyPresets
{
    public static TrainingPreset Cnn { get; } = new("tiny-cnn", "charcnn",
        new CharCnnShape(64, 69, [16, 16, 16], [5, 3, 3], [2, 1, 2], [32], 0.1f), null, 16, 3e-3f, 0f, 3, "test");

    public static TrainingPreset Ngram { get; } = new("tiny-ngram", "ngram", null,
        new NgramShape(4096, 8, 2, 3, 4, 512, [16], 0f), 16, 1e-2f, 0f, 3, "test");

    /// <summary>Builds a dataset folder from the synthetic corpus and returns its path.</summary>
    public static string Dataset(TempDirectory temp, int rows = 600)
    {
        var corpus = SyntheticCorpus.WriteCsv(temp.File("corpus.csv"), rows);
        var data = temp.File("data");
        ReviewPulse.Training.Data.DatasetBuilder.Build(new ReviewPulse.Training.Data.DatasetOptions([corpus], data, 42, 0.2, 0.2, null, null));
        return data;
    }

    public static TrainOptions Options(string data, string output, TrainingPreset preset, int epochs = 3) =>
        new(data, output, preset.Name, Seed: 3, Threads: 2, Epochs: epochs, Patience: 10, CustomPreset: preset);
}
