using ReviewPulse.Core.Modeling;
using ReviewPulse.Training.Data;
using ReviewPulse.Training.Engine;
using ReviewPulse.Training.Models;
using ReviewPulse.Training.Tests.Support;

namespace ReviewPulse.Training.Tests.Models;

/// <summary>Train tiny networks, export them, and check ONNX Runtime agrees with the engine and the package is verified.</summary>
public sealed class ExportTests : IClassFixture<ExportTests.Exported>
{
    private readonly Exported _exported;

    public ExportTests(Exported exported) => _exported = exported;

    [Theory]
    [InlineData("tiny-cnn")]
    [InlineData("tiny-ngram")]
    public void Onnx_matches_the_engine_forward_pass_on_100_reviews(string preset)
    {
        var directory = _exported.Models[preset];
        var rows = SplitFile.Read(Path.Combine(_exported.Data, "test.csv")).Take(100).Select(r => r.Text).ToList();
        while (rows.Count < 100)
        {
            rows.Add($"extra review {rows.Count}: fine but slow, would maybe buy again");
        }
        rows[0] = "";
        var state = Checkpoint.ReadState(Path.Combine(_exported.Runs[preset], Trainer.BestCheckpoint));
        var network = state.ResolvePreset().CreateNetwork(2, state.Seed);
        Checkpoint.Read(Path.Combine(_exported.Runs[preset], Trainer.BestCheckpoint), network.Parameters, null);
        using var model = SentimentModel.Load(directory);
        var onnx = model.Probabilities(rows);
        var engine = Inference.Probabilities(network, rows);
        Assert.True(ModelExporter.MaxAbsDifference(onnx, engine) < 1e-4, $"max |diff| {ModelExporter.MaxAbsDifference(onnx, engine)}");
        Assert.True(model.Manifest.Metrics["onnx.maxAbsDiffVsEngine"] < 1e-4);
    }

    [Theory]
    [InlineData("tiny-cnn")]
    [InlineData("tiny-ngram")]
    public void Package_has_manifest_contract_card_and_report(string preset)
    {
        var directory = _exported.Models[preset];
        var manifest = ModelPackage.Load(directory).Manifest;
        Assert.Equal(["negative", "neutral", "positive"], manifest.Labels);
        Assert.True(manifest.Onnx.Opset >= 17);
        Assert.Equal(64, manifest.Training.DataSha256.Length);
        Assert.Equal(4, manifest.Rating.StarThresholds.Count);
        Assert.InRange(manifest.Metrics["test.macroF1"], 0.0, 1.0);
        Assert.Contains("Neutral recall", File.ReadAllText(Path.Combine(directory, ModelCard.FileName)));
        Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(directory, "evaluation-confusion.svg")));
    }

    [Fact]
    public void Single_batch_and_concurrent_predictions_agree()
    {
        using var model = SentimentModel.Load(_exported.Models["tiny-cnn"]);
        string[] texts = ["great, fast delivery", "terrible scam", "okay i guess", ""];
        var batch = model.PredictBatch(texts);
        var single = texts.Select(model.Predict).ToArray();
        Assert.Equal(batch, single);
        var parallel = new SentimentPredictionBag();
        Parallel.For(0, 200, i => parallel.Add(i % 4, model.Predict(texts[i % 4])));
        Assert.All(parallel.Items, item => Assert.Equal(single[item.Index], item.Prediction));
        Assert.All(batch, p =>
        {
            Assert.Equal(1f, p.Negative + p.Neutral + p.Positive, 4);
            Assert.InRange(p.Score, 0f, 1f);
            Assert.InRange(p.SuggestedRating, 1, 5);
        });
    }

    [Fact]
    public void Tampered_model_or_manifest_is_refused_naming_the_file()
    {
        using var temp = new TempDirectory();
        foreach (var file in Directory.GetFiles(_exported.Models["tiny-ngram"]))
        {
            File.Copy(file, temp.File(Path.GetFileName(file)));
        }
        var onnx = File.ReadAllBytes(temp.File("model.onnx"));
        onnx[^10] ^= 1;
        File.WriteAllBytes(temp.File("model.onnx.bad"), onnx);
        File.Move(temp.File("model.onnx"), temp.File("model.onnx.good"));
        File.Move(temp.File("model.onnx.bad"), temp.File("model.onnx"));
        var e = Assert.Throws<ModelLoadException>(() => SentimentModel.Load(temp.Path));
        Assert.Contains("model.onnx' has sha256", e.Message);

        File.Copy(temp.File("model.onnx.good"), temp.File("model.onnx"), overwrite: true);
        File.WriteAllText(temp.File("manifest.json"), "{ \"version\": ");
        Assert.Contains("manifest.json' is not valid JSON", Assert.Throws<ModelLoadException>(() => SentimentModel.Load(temp.Path)).Message);

        File.WriteAllText(temp.File("manifest.json"), File.ReadAllText(Path.Combine(_exported.Models["tiny-ngram"], "manifest.json")).Replace("\"neutral\"", "\"meh\""));
        Assert.Contains("labels must be", Assert.Throws<ModelLoadException>(() => SentimentModel.Load(temp.Path)).Message);

        File.Delete(temp.File("manifest.json"));
        Assert.Contains("does not exist", Assert.Throws<ModelLoadException>(() => SentimentModel.Load(temp.Path)).Message);
    }

    /// <summary>Trains and exports both tiny presets once for all tests in this class.</summary>
    public sealed class Exported : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public Exported()
        {
            Data = TinyPresets.Dataset(_temp);
            foreach (var preset in new[] { TinyPresets.Cnn, TinyPresets.Ngram })
            {
                var run = _temp.File($"run-{preset.Name}");
                new Trainer(TinyPresets.Options(Data, run, preset, epochs: 2)).Run();
                var model = _temp.File($"model-{preset.Name}");
                ModelExporter.Export(new ExportOptions(run, Data, model, null, new string('0', 64), "test"));
                Runs[preset.Name] = run;
                Models[preset.Name] = model;
            }
        }

        public string Data { get; }

        public Dictionary<string, string> Runs { get; } = [];

        public Dictionary<string, string> Models { get; } = [];

        public void Dispose() => _temp.Dispose();
    }

    private sealed class SentimentPredictionBag
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<(int Index, ReviewPulse.Core.Sentiment.SentimentPrediction Prediction)> _items = [];

        public IEnumerable<(int Index, ReviewPulse.Core.Sentiment.SentimentPrediction Prediction)> Items => _items;

        public void Add(int index, ReviewPulse.Core.Sentiment.SentimentPrediction p) => _items.Add((index, p));
    }
}
