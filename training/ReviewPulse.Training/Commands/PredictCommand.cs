using System.Globalization;
using ReviewPulse.Core.Modeling;
using ReviewPulse.Core.Sentiment;
using ReviewPulse.Training.Data;

namespace ReviewPulse.Training.Commands;

/// <summary>Batch scoring of a CSV column: one output row per input row, in order.</summary>
internal static class PredictCommand
{
    public static readonly string[] OutputColumns = ["label", "score", "suggested_rating", "p_negative", "p_neutral", "p_positive"];

    /// <summary>Returns (rows written, rows whose text field was missing and scored as empty).</summary>
    public static (long Rows, long Missing) Run(string modelDirectory, string input, string textColumn, string output, int batchSize = 256)
    {
        using var model = SentimentModel.Load(modelDirectory, threads: Environment.ProcessorCount);
        using var reader = CorpusReader.Open(input);
        using var records = CsvReader.Records(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new InvalidDataException($"Input '{input}' is empty: expected a header row naming '{textColumn}'.");
        }
        var column = records.Current.FindIndex(h => h.Trim().Equals(textColumn, StringComparison.OrdinalIgnoreCase));
        if (column < 0)
        {
            throw new InvalidDataException($"Input '{input}' has no column '{textColumn}'; its columns are: {string.Join(", ", records.Current)}.");
        }
        using var writer = new StreamWriter(output, false, new System.Text.UTF8Encoding(false));
        CsvReader.WriteRow(writer, OutputColumns);
        long rows = 0, missing = 0;
        var pending = new List<string>(batchSize);
        void Flush()
        {
            foreach (var p in model.PredictBatch(pending))
            {
                WriteRow(writer, p);
            }
            rows += pending.Count;
            pending.Clear();
        }
        while (records.MoveNext())
        {
            var fields = records.Current;
            if (column >= fields.Count)
            {
                missing++;
            }
            pending.Add(column < fields.Count ? fields[column] : "");
            if (pending.Count == batchSize)
            {
                Flush();
            }
        }
        Flush();
        return (rows, missing);
    }

    private static void WriteRow(TextWriter writer, SentimentPrediction p)
    {
        var c = CultureInfo.InvariantCulture;
        CsvReader.WriteRow(writer, p.Label.ToName(), p.Score.ToString("0.######", c), p.SuggestedRating.ToString(c),
            p.Negative.ToString("0.######", c), p.Neutral.ToString("0.######", c), p.Positive.ToString("0.######", c));
    }
}
