using ReviewPulse.Core.Sentiment;

namespace ReviewPulse.Training.Data;

/// <summary>A normalised review with its stars, label and company group, as stored in a split file.</summary>
internal sealed record LabeledReview(string Text, int Stars, string Company)
{
    public int Label => (int)SentimentLabels.FromStars(Stars);
}

/// <summary>Reads and writes split files (<c>text,stars,label,company</c>).</summary>
internal static class SplitFile
{
    public static void Write(string path, IEnumerable<LabeledReview> reviews)
    {
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        CsvReader.WriteRow(writer, "text", "stars", "label", "company");
        foreach (var r in reviews)
        {
            CsvReader.WriteRow(writer, r.Text, r.Stars.ToString(), SentimentLabels.Names[r.Label], r.Company);
        }
    }

    public static List<LabeledReview> Read(string path)
    {
        var reader = new CorpusReader();
        var rows = reader.Read(path).Select(r => new LabeledReview(r.Text, r.Stars, r.Company)).ToList();
        if (reader.Rejected.Total > 0)
        {
            throw new InvalidDataException($"Split file '{path}' has {reader.Rejected.Total} malformed rows; rebuild it with the dataset command.");
        }
        return rows;
    }
}
