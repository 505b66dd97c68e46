using System.Text.Json;
using ReviewPulse.Core.Modeling;
using ReviewPulse.Training.Data;
using ReviewPulse.Training.Engine;
using ReviewPulse.Training.Evaluation;
using ReviewPulse.Training.Onnx;

namespace ReviewPulse.Training.Models;

/// <summary>Options of the <c>export</c> command.</summary>
internal sealed record ExportOptions(string RunDirectory, string DataDirectory, string OutputDirectory, string? Version, string DataSha256,
    string Command, int? EvaluationLimit = null);

/// <summary>
/// Turns a run's best checkpoint into a model package: ONNX, rating thresholds calibrated on validation, test metrics
/// measured through ONNX Runtime, the ONNX-vs-engine check, manifest and model card.
/// </summary>
internal static class ModelExporter
{
    public static ModelManifest Export(ExportOptions options, Action<string>? log = null)
    {
        var checkpoint = Path.Combine(options.RunDirectory, Trainer.BestCheckpoint);
        var state = Checkpoint.ReadState(checkpoint);
        var preset = state.ResolvePreset();
        var network = preset.CreateNetwork(Environment.ProcessorCount, state.Seed);
        Checkpoint.Read(checkpoint, network.Parameters, null);

        var validation = Limit(SplitFile.Read(Path.Combine(options.DataDirectory, "validation.csv")), options.EvaluationLimit);
        var test = Limit(SplitFile.Read(Path.Combine(options.DataDirectory, "test.csv")), options.EvaluationLimit);
        var validationProbabilities = Inference.Probabilities(network, [.. validation.Select(v => v.Text)]);
        var scale = RatingCalibration.Fit([.. validation.Select(v => v.Stars)], validationProbabilities);
        var version = options.Version ?? $"{preset.Name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}";

        Directory.CreateDirectory(options.OutputDirectory);
        var onnx = OnnxExporter.Export(network, $"ReviewPulse sentiment model {version} ({preset.Name})");
        File.WriteAllBytes(Path.Combine(options.OutputDirectory, "model.onnx"), onnx);
        var trainRows = File.ReadLines(Path.Combine(options.DataDirectory, "train.csv")).LongCount();
        var manifest = new ModelManifest(
            ModelManifest.CurrentFormatVersion,
            version,
            new ModelArchitecture(preset.Architecture, preset.Name, preset.HyperParameters()),
            preset.EncodingSpec,
            new TensorSpec(OnnxExporter.InputName, "int64", ["batch", network.Encoder.FixedLength ? network.Encoder.MaxLength.ToString() : "length"]),
            new TensorSpec(OnnxExporter.OutputName, "float32", ["batch", "3"]),
            ["negative", "neutral", "positive"],
            scale,
            new OnnxFileSpec("model.onnx", ModelPackage.Sha256Hex(onnx), OnnxGraphBuilder.Opset, onnx.Length),
            new TrainingProvenance(options.DataSha256, "company-grouped train split of the corpus (see stats.json)", state.Seed, trainRows, options.Command),
            new Dictionary<string, double>(),
            DateTimeOffset.UtcNow);
        WriteManifest(options.OutputDirectory, manifest);

        using var model = SentimentModel.Load(options.OutputDirectory, threads: Environment.ProcessorCount);
        var sample = test.Take(100).Select(t => t.Text).ToArray();
        var maxDiff = MaxAbsDifference(model.Probabilities(sample), Inference.Probabilities(network, sample));
        var testReport = ModelEvaluator.Evaluate(model, test);
        var validationReport = ModelEvaluator.Evaluate(model, validation);
        var metrics = new Dictionary<string, double>
        {
            ["test.accuracy"] = testReport.Accuracy,
            ["test.macroF1"] = testReport.MacroF1,
            ["test.balancedMacroF1"] = testReport.BalancedMacroF1,
            ["test.neutralRecall"] = testReport.PerClass[1].Recall,
            ["test.exactStar"] = testReport.ExactStarAccuracy,
            ["test.withinOneStar"] = testReport.WithinOneStarAccuracy,
            ["test.rows"] = testReport.Count,
            ["validation.macroF1"] = validationReport.MacroF1,
            ["validation.balancedMacroF1"] = validationReport.BalancedMacroF1,
            ["onnx.maxAbsDiffVsEngine"] = maxDiff,
        };
        manifest = manifest with { Metrics = metrics };
        WriteManifest(options.OutputDirectory, manifest);
        ReportWriter.Write(Path.Combine(options.OutputDirectory, "evaluation"), testReport, $"{version} on the test split");
        ModelCard.Write(options.OutputDirectory, manifest, testReport);
        log?.Invoke($"exported {version}: test macro-F1 {testReport.MacroF1:0.0000}, balanced {testReport.BalancedMacroF1:0.0000}, ONNX vs engine max |diff| {maxDiff:G3}");
        return manifest;
    }

    public static void WriteManifest(string directory, ModelManifest manifest) =>
        File.WriteAllText(Path.Combine(directory, ModelManifest.FileName), JsonSerializer.Serialize(manifest, ManifestJson.Default.ModelManifest));

    public static double MaxAbsDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var max = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }
        return max;
    }

    private static List<LabeledReview> Limit(List<LabeledReview> rows, int? limit) => limit is { } n ? [.. rows.Take(n)] : rows;
}
