using System.Globalization;
using System.Text;
using ReviewPulse.Core.Modeling;
using ReviewPulse.Training.Evaluation;

namespace ReviewPulse.Training.Models;

/// <summary>Writes MODEL_CARD.md: what the model is, how it was made, how well it does, and where it fails.</summary>
internal static class ModelCard
{
    public const string FileName = "MODEL_CARD.md";
    public const string ComparisonMarker = "<!-- comparison -->";

    public static void Write(string directory, ModelManifest m, ClassificationReport test)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"# Model card: {m.Version}");
        sb.AppendLine();
        sb.AppendLine(c, $"Three-class review sentiment (negative 1–2★, neutral 3★, positive 4–5★), architecture `{m.Architecture.Name}`, preset `{m.Architecture.Preset}`.");
        sb.AppendLine(c, $"ONNX opset {m.Onnx.Opset}, {m.Onnx.SizeBytes / 1e6:0.00} MB, sha256 `{m.Onnx.Sha256}`.");
        sb.AppendLine();
        sb.AppendLine("## Data");
        sb.AppendLine(c, $"- Corpus fingerprint (sha256): `{m.Training.DataSha256}`");
        sb.AppendLine(c, $"- {m.Training.DataDescription}; {m.Training.TrainRows - 1} training rows, seed {m.Training.Seed}.");
        sb.AppendLine(c, $"- Export command: `{m.Training.Command}`");
        sb.AppendLine("- Whole pipeline (split, every candidate, baseline, comparison, selection): `training/train-candidates.sh`");
        sb.AppendLine();
        sb.AppendLine("## Hyper-parameters");
        foreach (var (k, v) in m.Architecture.HyperParameters.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(c, $"- {k}: {v}");
        }
        sb.AppendLine();
        sb.AppendLine("## Test split (companies never seen in training)");
        sb.AppendLine("```");
        sb.AppendLine(ReportWriter.Text(test));
        sb.AppendLine("```");
        sb.AppendLine(c, $"Balanced figures reweight the confusion rows to equal class sizes (a class-balanced resample). Neutral recall: {test.PerClass[1].Recall:0.000} — neutral (3★) is scarce and the hardest class.");
        sb.AppendLine(c, $"Suggested rating thresholds on the score P(pos)+½P(neu): {string.Join(", ", m.Rating.StarThresholds.Select(t => t.ToString("0.####", c)))} (quantile-matched on validation).");
        sb.AppendLine(c, $"ONNX Runtime vs training engine on 100 test reviews: max |Δp| = {m.Metrics.GetValueOrDefault("onnx.maxAbsDiffVsEngine"):G3}.");
        sb.AppendLine();
        sb.AppendLine("## Candidates compared");
        sb.AppendLine(ComparisonMarker);
        sb.AppendLine("(filled in by `compare`)");
        sb.AppendLine();
        sb.AppendLine("## Limits");
        sb.AppendLine("- Trained on English reviews, mostly Trustpilot; other languages and domains are out of scope.");
        sb.AppendLine("- Stars are a noisy label: the same text can earn 3★ or 4★ from different people.");
        File.WriteAllText(Path.Combine(directory, FileName), sb.ToString());
    }
}
