using System.Text.Json.Nodes;
using ReviewPulse.Training.Data;
using ReviewPulse.Training.Tests.Support;

namespace ReviewPulse.Training.Tests.Data;

public sealed class DatasetBuilderTests
{
    [Fact]
    public void Splits_are_grouped_by_company_deduplicated_and_reproducible()
    {
        using var temp = new TempDirectory();
        var corpus = SyntheticCorpus.WriteCsv(temp.File("corpus.csv"), 500);
        var first = SyntheticCorpus.Rows(500)[0];
        var duplicate = "  " + first.Text.ToUpperInvariant().Replace(" ", "   ") + " ";
        File.AppendAllText(corpus, $"\"{duplicate}\",{first.Stars},,{first.Company},,en,test,dup\n"); // row 0 again, other case and spacing
        var stats = DatasetBuilder.Build(new DatasetOptions([corpus], temp.File("a"), 7, 0.2, 0.2, null, null));
        DatasetBuilder.Build(new DatasetOptions([corpus], temp.File("b"), 7, 0.2, 0.2, null, null));

        var splits = new[] { "train", "validation", "test" }.ToDictionary(s => s, s => SplitFile.Read(Path.Combine(temp.File("a"), $"{s}.csv")));
        var companiesPerSplit = splits.ToDictionary(kv => kv.Key, kv => kv.Value.Select(r => r.Company).ToHashSet());
        Assert.Empty(companiesPerSplit["train"].Intersect(companiesPerSplit["test"]));
        Assert.Empty(companiesPerSplit["train"].Intersect(companiesPerSplit["validation"]));
        Assert.Empty(companiesPerSplit["validation"].Intersect(companiesPerSplit["test"]));
        Assert.All(splits.Values, rows => Assert.NotEmpty(rows));
        Assert.Equal(500, splits.Values.Sum(r => r.Count));
        Assert.Equal(1, (long)stats["duplicatesDropped"]!);
        foreach (var name in splits.Keys)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(temp.File("a"), $"{name}.csv")), File.ReadAllText(Path.Combine(temp.File("b"), $"{name}.csv")));
            var perClass = (JsonObject)stats["splits"]![name]!["perClass"]!;
            Assert.Equal(splits[name].Count(r => r.Label == 1), (int)perClass["neutral"]!);
        }
    }

    [Fact]
    public void Normalize_collapses_white_space()
    {
        Assert.Equal("a b c", DatasetBuilder.Normalize("  a\n\t b   c \r\n"));
    }
}
