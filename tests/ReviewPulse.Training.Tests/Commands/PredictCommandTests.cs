using ReviewPulse.Training.Data;
using ReviewPulse.Training.Tests.Models;
using ReviewPulse.Training.Tests.Support;

namespace ReviewPulse.Training.Tests.Commands;

/// <summary>The predict command's interface, run as the real CLI process (outside evaluation depends on it).</summary>
public sealed class PredictCommandTests : IClassFixture<ExportTests.Exported>
{
    private readonly ExportTests.Exported _exported;

    public PredictCommandTests(ExportTests.Exported exported) => _exported = exported;

    [Fact]
    public void Writes_one_row_per_input_row_in_order_with_the_contract_columns()
    {
        using var temp = new TempDirectory();
        var input = temp.File("in.csv");
        File.WriteAllText(input, "id,review\n1,\"great, fast delivery\"\n2,terrible scam\n3,\n4\n5,\"multi\nline, okay\"\n");
        var (code, _, stderr) = RunCli("predict", "--model", _exported.Models["tiny-cnn"], "--input", input, "--text-column", "review", "--output", temp.File("out.csv"));
        Assert.Equal(0, code);
        var rows = CsvReader.Records(new StringReader(File.ReadAllText(temp.File("out.csv")))).ToList();
        Assert.Equal(["label", "score", "suggested_rating", "p_negative", "p_neutral", "p_positive"], rows[0]);
        Assert.Equal(6, rows.Count);
        foreach (var row in rows.Skip(1))
        {
            Assert.Contains(row[0], new[] { "negative", "neutral", "positive" });
            var p = row.Skip(3).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(1.0, p.Sum(), 4);
            Assert.InRange(int.Parse(row[2]), 1, 5);
            Assert.Equal(p[2] + 0.5 * p[1], double.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture), 4);
        }
        Assert.Equal(rows[3], rows[4]); // the empty field and the missing field are both scored as empty text
        Assert.Contains("1 rows had no 'review' field", stderr);
    }

    [Fact]
    public void Unknown_column_and_missing_model_fail_with_a_message()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("in.csv"), "id,text\n1,hello\n");
        var (code, _, stderr) = RunCli("predict", "--model", _exported.Models["tiny-cnn"], "--input", temp.File("in.csv"), "--text-column", "review", "--output", temp.File("o.csv"));
        Assert.Equal(2, code);
        Assert.Contains("no column 'review'", stderr);
        (code, _, stderr) = RunCli("predict", "--model", temp.File("nowhere"), "--input", temp.File("in.csv"), "--text-column", "text", "--output", temp.File("o.csv"));
        Assert.Equal(2, code);
        Assert.Contains("manifest.json' does not exist", stderr);
    }

    internal static (int Code, string Stdout, string Stderr) RunCli(params string[] args) =>
        ProcessRunner.Dotnet("ReviewPulse.Training.dll", args, new Dictionary<string, string?> { ["COLUMNS"] = "300" });
}
