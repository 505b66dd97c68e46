using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ReviewPulse.Core.Modeling;
using ReviewPulse.Training.Data;
using ReviewPulse.Training.Models;

namespace ReviewPulse.Training.Evaluation;

/// <summary>Measures candidate models side by side and writes the table into a model card.</summary>
internal static class CandidateComparison
{
    /// <summary>Budget a shipped model must meet (issue #2): single-review p50 on one thread, and file size.</summary>
    public const double LatencyBudgetMs = 3.0;
    public const long SizeBudgetBytes = 12_000_000;

    /// <summary>
    /// Evaluates every candidate; with <paramref name="selectInto"/>, copies the one with the best validation balanced
    /// macro-F1 that meets the budget there (selection never looks at test figures) and writes the table into its card.
    /// </summary>
    public static string Run(IReadOnlyList<string> modelDirectories, string? baselineReport, string dataDirectory, string? cardPath, string? selectInto = null)
    {
        var candidates = new List<(string Directory, double ValidationF1, bool WithinBudget, string Name)>();
        var test = SplitFile.Read(Path.Combine(dataDirectory, "test.csv"));
        var c = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine("| candidate | test macro-F1 | balanced macro-F1 | neutral recall | exact star | p50 latency (1 thread) | p99 | model.onnx |");
        table.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var directory in modelDirectories)
        {
            using var model = SentimentModel.Load(directory, threads: 1);
            var report = ModelEvaluator.Evaluate(model, test);
            var (p50, p99) = Latency(model, test);
            candidates.Add((directory, model.Manifest.Metrics.GetValueOrDefault("validation.balancedMacroF1"),
                p50 <= LatencyBudgetMs && model.Manifest.Onnx.SizeBytes <= SizeBudgetBytes, model.Manifest.Architecture.Preset));
            table.AppendLine(c, $"| `{model.Manifest.Architecture.Preset}` ({model.Manifest.Version}) | {report.MacroF1:0.0000} | {report.BalancedMacroF1:0.0000} | {report.PerClass[1].Recall:0.000} | {report.ExactStarAccuracy:0.000} | {p50:0.000} ms | {p99:0.000} ms | {model.Manifest.Onnx.SizeBytes / 1e6:0.00} MB |");
        }
        if (baselineReport is not null)
        {
            var b = JsonSerializer.Deserialize<ClassificationReport>(File.ReadAllText(baselineReport), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            table.AppendLine(c, $"| baseline: TF-IDF word 1–2 + char 3-grams, SDCA max-ent (ML.NET) | {b.MacroF1:0.0000} | {b.BalancedMacroF1:0.0000} | {b.PerClass[1].Recall:0.000} | — | — | — | — |");
        }
        table.AppendLine();
        table.AppendLine(c, $"Measured on {test.Count} test reviews by `compare` ({Environment.ProcessorCount} cores); latency is one review per call through ONNX Runtime with one intra-op thread, after warm-up.");
        if (selectInto is not null)
        {
            var chosen = candidates.Where(c => c.WithinBudget).OrderByDescending(c => c.ValidationF1).FirstOrDefault();
            if (chosen.Directory is null)
            {
                throw new InvalidDataException($"No candidate meets the budget (p50 <= {LatencyBudgetMs} ms, <= {SizeBudgetBytes / 1e6} MB).");
            }
            CopyPackage(chosen.Directory, selectInto);
            table.AppendLine(c, $"Selected `{chosen.Name}`: best validation balanced macro-F1 ({chosen.ValidationF1:0.0000}) among candidates within p50 <= {LatencyBudgetMs} ms and <= {SizeBudgetBytes / 1e6} MB.");
            cardPath ??= Path.Combine(selectInto, ModelCard.FileName);
        }
        if (cardPath is not null && File.Exists(cardPath))
        {
            var card = File.ReadAllText(cardPath);
            var start = card.IndexOf(ModelCard.ComparisonMarker, StringComparison.Ordinal);
            var end = start < 0 ? -1 : card.IndexOf("\n## ", start, StringComparison.Ordinal);
            if (start >= 0 && end > start)
            {
                File.WriteAllText(cardPath, card[..(start + ModelCard.ComparisonMarker.Length)] + "\n" + table + card[end..]);
            }
        }
        return table.ToString();
    }

    private static void CopyPackage(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var old in Directory.GetFiles(to))
        {
            File.Delete(old);
        }
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static (double P50, double P99) Latency(SentimentModel model, IReadOnlyList<LabeledReview> rows)
    {
        var texts = rows.Take(600).Select(r => r.Text).ToArray();
        foreach (var t in texts.Take(50))
        {
            model.Predict(t);
        }
        var times = new List<double>(texts.Length);
        foreach (var t in texts)
        {
            var start = Stopwatch.GetTimestamp();
            model.Predict(t);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.99)]);
    }
}
