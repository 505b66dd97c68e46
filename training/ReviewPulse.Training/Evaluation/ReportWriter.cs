using System.Text.Json;

namespace ReviewPulse.Training.Evaluation;

/// <summary>Writes an evaluation as <c>NAME.json</c> and the confusion matrix as <c>NAME-confusion.svg</c>.</summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Write(string pathWithoutExtension, ClassificationReport report, string title)
    {
        File.WriteAllText(pathWithoutExtension + ".json", JsonSerializer.Serialize(report, Json));
        File.WriteAllText(pathWithoutExtension + "-confusion.svg", ConfusionMatrixImage.Svg(report.Confusion, title));
    }

    /// <summary>The report as console text: summary, per-class table, confusion matrix.</summary>
    public static string Text(ClassificationReport r)
    {
        var lines = new List<string>
        {
            $"rows {r.Count}  accuracy {r.Accuracy:0.0000}  macro-F1 {r.MacroF1:0.0000}  balanced macro-F1 {r.BalancedMacroF1:0.0000}",
            $"suggested rating: exact star {r.ExactStarAccuracy:0.0000}, within one star {r.WithinOneStarAccuracy:0.0000}",
            "class      precision  recall  F1      support",
        };
        lines.AddRange(r.PerClass.Select(c => $"{c.Label,-10} {c.Precision,9:0.0000}  {c.Recall,6:0.0000}  {c.F1,6:0.0000}  {c.Support,7}"));
        lines.Add("confusion (rows true, columns predicted: negative neutral positive)");
        lines.AddRange(r.Confusion.Select((row, i) => $"{Core.Sentiment.SentimentLabels.Names[i],-10} {string.Join(' ', row.Select(v => v.ToString().PadLeft(8)))}"));
        return string.Join(Environment.NewLine, lines);
    }
}
