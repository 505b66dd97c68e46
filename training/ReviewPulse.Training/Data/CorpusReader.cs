using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace ReviewPulse.Training.Data;

/// <summary>
/// Reads review corpora: CSV or CSV.gz with a header naming at least <c>text</c> and <c>stars</c> (as in
/// <c>reviews.csv.gz</c>), or JSON Lines with the same field names. Malformed rows are counted, never fatal.
/// </summary>
internal sealed class CorpusReader
{
    /// <summary>Longest text kept; longer rows are rejected rather than silently cut.</summary>
    public const int MaxTextLength = 20_000;

    public RejectCounts Rejected { get; } = new();

    public long RowsRead { get; private set; }

    public IEnumerable<CorpusRow> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Corpus file '{path}' does not exist.", path);
        }
        var isJsonLines = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);
        return isJsonLines ? ReadJsonLines(path) : ReadCsv(path);
    }

    /// <summary>Opens plain or gzip text, replacing invalid UTF-8 with U+FFFD so such rows can be detected and counted.</summary>
    public static TextReader Open(string path)
    {
        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }
        return new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, 1 << 16);
    }

    private IEnumerable<CorpusRow> ReadCsv(string path)
    {
        using var reader = Open(path);
        using var records = CsvReader.Records(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            yield break;
        }
        var header = records.Current.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var text = header.IndexOf("text");
        var stars = header.IndexOf("stars") is var s and >= 0 ? s : header.IndexOf("rating");
        if (text < 0 || stars < 0)
        {
            throw new InvalidDataException($"Corpus '{path}' needs 'text' and 'stars' columns; its header is: {string.Join(',', header)}.");
        }
        int Column(string name) => header.IndexOf(name);
        var (company, title, date, lang) = (Column("company"), Column("title"), Column("date"), Column("lang"));
        while (records.MoveNext())
        {
            RowsRead++;
            var f = records.Current;
            if (f.Count != header.Count)
            {
                Rejected.Add(f.Count < header.Count ? "missing columns" : "extra columns");
                continue;
            }
            string Get(int i) => i >= 0 ? f[i] : "";
            if (Validate(f[text], f[stars]) is { } row)
            {
                yield return row with { Company = Get(company), Title = Get(title), Date = Get(date), Language = Get(lang) };
            }
        }
    }

    private IEnumerable<CorpusRow> ReadJsonLines(string path)
    {
        using var reader = Open(path);
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            RowsRead++;
            CorpusRow? row = null;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var o = doc.RootElement;
                string Get(string name) => o.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : "";
                var stars = o.TryGetProperty("stars", out _) ? Get("stars") : Get("rating");
                row = Validate(Get("text"), stars) is { } valid
                    ? valid with { Company = Get("company"), Title = Get("title"), Date = Get("date"), Language = Get("lang") }
                    : null;
            }
            catch (JsonException)
            {
                Rejected.Add("invalid JSON");
            }
            if (row is not null)
            {
                yield return row;
            }
        }
    }

    private CorpusRow? Validate(string text, string starsField)
    {
        if (!int.TryParse(starsField.Trim(), out var stars) &&
            !(double.TryParse(starsField.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && (stars = (int)d) == d))
        {
            Rejected.Add("stars not a whole number");
            return null;
        }
        if (stars is < 1 or > 5)
        {
            Rejected.Add("stars outside 1-5");
            return null;
        }
        if (text.Contains('\uFFFD'))
        {
            Rejected.Add("invalid UTF-8");
            return null;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            Rejected.Add("empty text");
            return null;
        }
        if (text.Length > MaxTextLength)
        {
            Rejected.Add($"text over {MaxTextLength} characters");
            return null;
        }
        return new CorpusRow(text, stars, "", "", "", "");
    }
}
