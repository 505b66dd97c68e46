using System.Text;
using ReviewPulse.Training.Data;
using ReviewPulse.Training.Tests.Support;

namespace ReviewPulse.Training.Tests.Data;

public sealed class CsvAndCorpusTests
{
    [Fact]
    public void Csv_fields_keep_quoted_commas_quotes_and_newlines()
    {
        var csv = "a,b\r\n\"x, \"\"y\"\"\nz\",2\r\nplain,3";
        var records = CsvReader.Records(new StringReader(csv)).ToList();
        Assert.Equal(3, records.Count);
        Assert.Equal(["x, \"y\"\nz", "2"], records[1]);
        Assert.Equal(["plain", "3"], records[2]);
    }

    [Fact]
    public void Escape_round_trips_through_the_reader()
    {
        var writer = new StringWriter();
        CsvReader.WriteRow(writer, "he said \"hi\", then\nleft", "5");
        var back = CsvReader.Records(new StringReader(writer.ToString())).Single();
        Assert.Equal(["he said \"hi\", then\nleft", "5"], back);
    }

    [Fact]
    public void Malformed_rows_are_counted_by_reason_and_good_rows_survive()
    {
        using var temp = new TempDirectory();
        var path = temp.File("bad.csv");
        var giant = new string('a', CorpusReader.MaxTextLength + 1);
        var lines = new List<byte[]>
        {
            "text,stars,company\n"u8.ToArray(),
            "good one,5,acme\n"u8.ToArray(),
            "missing columns\n"u8.ToArray(),
            "too,1,many,columns\n"u8.ToArray(),
            "zero stars,0,acme\n"u8.ToArray(),
            "six stars,6,acme\n"u8.ToArray(),
            "words,five,acme\n"u8.ToArray(),
            "half,4.5,acme\n"u8.ToArray(),
            "  ,3,acme\n"u8.ToArray(),
            Encoding.UTF8.GetBytes($"{giant},2,acme\n"),
            "bad utf8 "u8.ToArray().Concat(new byte[] { 0xC3, 0x28 }).Concat(",1,acme\n"u8.ToArray()).ToArray(),
            "also good,2.0,acme\n"u8.ToArray(),
        };
        File.WriteAllBytes(path, [.. lines.SelectMany(l => l)]);
        var reader = new CorpusReader();
        var rows = reader.Read(path).ToList();
        Assert.Equal(["good one", "also good"], rows.Select(r => r.Text));
        Assert.Equal([5, 2], rows.Select(r => r.Stars));
        var rejected = reader.Rejected.ByReason;
        Assert.Equal(1, rejected["missing columns"]);
        Assert.Equal(1, rejected["extra columns"]);
        Assert.Equal(2, rejected["stars outside 1-5"]);
        Assert.Equal(2, rejected["stars not a whole number"]);
        Assert.Equal(1, rejected["empty text"]);
        Assert.Equal(1, rejected[$"text over {CorpusReader.MaxTextLength} characters"]);
        Assert.Equal(1, rejected["invalid UTF-8"]);
        Assert.Equal(11, reader.RowsRead);
    }

    [Fact]
    public void Json_lines_and_gzip_are_read_and_bad_lines_counted()
    {
        using var temp = new TempDirectory();
        var path = temp.File("reviews.jsonl.gz");
        using (var gz = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
        using (var w = new StreamWriter(gz))
        {
            w.WriteLine("{\"text\":\"lovely\",\"stars\":5,\"company\":\"a.com\"}");
            w.WriteLine("{\"text\":\"no stars\"}");
            w.WriteLine("{not json");
            w.WriteLine("{\"text\":\"meh\",\"rating\":\"3\"}");
        }
        var reader = new CorpusReader();
        var rows = reader.Read(path).ToList();
        Assert.Equal(["lovely", "meh"], rows.Select(r => r.Text));
        Assert.Equal("a.com", rows[0].Company);
        Assert.Equal(1, reader.Rejected.ByReason["invalid JSON"]);
        Assert.Equal(1, reader.Rejected.ByReason["stars not a whole number"]);
    }

    [Fact]
    public void A_corpus_without_text_or_stars_columns_is_refused_with_its_header()
    {
        using var temp = new TempDirectory();
        var path = temp.File("wrong.csv");
        File.WriteAllText(path, "body,score\nhello,5\n");
        var e = Assert.Throws<InvalidDataException>(() => new CorpusReader().Read(path).ToList());
        Assert.Contains("body,score", e.Message);
    }
}
