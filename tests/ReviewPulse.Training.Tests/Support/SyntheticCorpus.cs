using System.Text;

namespace ReviewPulse.Training.Tests.Support;

/// <summary>A small, learnable review corpus written by the tests themselves (the real corpus is too big for unit tests).</summary>
internal static class SyntheticCorpus
{
    private static readonly string[] Positive = ["great", "excellent", "fast delivery", "love it", "friendly staff", "highly recommend", "perfect"];
    private static readonly string[] Negative = ["terrible", "awful", "never arrived", "rude support", "refund refused", "scam", "broken"];
    private static readonly string[] Neutral = ["okay", "average", "fine i guess", "nothing special", "mixed feelings", "so-so"];
    private static readonly string[] Filler = ["the order", "this shop", "my parcel", "customer service", "the app", "the price"];

    public static IReadOnlyList<(string Text, int Stars, string Company)> Rows(int count, int seed = 1)
    {
        var random = new Random(seed);
        var rows = new List<(string, int, string)>(count);
        for (var i = 0; i < count; i++)
        {
            var stars = random.Next(1, 6);
            var words = stars switch { <= 2 => Negative, 3 => Neutral, _ => Positive };
            var text = $"{Filler[random.Next(Filler.Length)]} was {words[random.Next(words.Length)]}, {words[random.Next(words.Length)]}. #{i}";
            rows.Add((text, stars, $"company{random.Next(12)}.com"));
        }
        return rows;
    }

    /// <summary>Writes the corpus in the shared corpus format (text,stars,title,company,date,lang,source,origin).</summary>
    public static string WriteCsv(string path, int count, int seed = 1)
    {
        var sb = new StringBuilder("text,stars,title,company,date,lang,source,origin\n");
        foreach (var (text, stars, company) in Rows(count, seed))
        {
            sb.Append('"').Append(text.Replace("\"", "\"\"")).Append("\",").Append(stars).Append(",,").Append(company).Append(",2024-01-01,en,test,synthetic\n");
        }
        File.WriteAllText(path, sb.ToString());
        return path;
    }
}
