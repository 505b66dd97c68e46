using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewPulse.Core.Sentiment;

namespace ReviewPulse.Training.Data;

/// <summary>Options of the <c>dataset</c> command.</summary>
internal sealed record DatasetOptions(IReadOnlyList<string> Inputs, string OutputDirectory, int Seed, double ValidationFraction,
    double TestFraction, int? Limit, string? Language);

/// <summary>
/// Turns corpora into train/validation/test splits: normalises text, drops empty and duplicate texts, labels by stars,
/// and assigns whole companies to one split (seeded) so test figures measure unseen brands.
/// </summary>
internal static class DatasetBuilder
{
    public static JsonObject Build(DatasetOptions options, IProgress<long>? progress = null)
    {
        var reader = new CorpusReader();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0L;
        var languageFiltered = 0L;
        var reviews = new List<LabeledReview>();
        foreach (var input in options.Inputs)
        {
            foreach (var row in reader.Read(input))
            {
                progress?.Report(reader.RowsRead);
                if (options.Language is { } lang && row.Language.Length > 0 && row.Language != lang)
                {
                    languageFiltered++;
                    continue;
                }
                var text = Normalize(row.Text);
                if (!seen.Add(text.ToLowerInvariant()))
                {
                    duplicates++;
                    continue;
                }
                reviews.Add(new LabeledReview(text, row.Stars, row.Company.Trim()));
                if (reviews.Count == options.Limit)
                {
                    break;
                }
            }
        }
        var splits = Split(reviews, options);
        Directory.CreateDirectory(options.OutputDirectory);
        foreach (var (name, rows) in splits)
        {
            SplitFile.Write(Path.Combine(options.OutputDirectory, $"{name}.csv"), rows);
        }
        var stats = new JsonObject
        {
            ["inputs"] = new JsonArray([.. options.Inputs.Select(i => (JsonNode)new JsonObject { ["path"] = i, ["sha256"] = Sha256(i) })]),
            ["seed"] = options.Seed,
            ["rowsRead"] = reader.RowsRead,
            ["rejected"] = new JsonObject([.. reader.Rejected.ByReason.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
            ["duplicatesDropped"] = duplicates,
            ["otherLanguageDropped"] = languageFiltered,
            ["splits"] = new JsonObject([.. splits.Select(s => KeyValuePair.Create(s.Name, (JsonNode?)SplitStats(s.Rows)))]),
        };
        File.WriteAllText(Path.Combine(options.OutputDirectory, "stats.json"), stats.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return stats;
    }

    /// <summary>Collapses every run of white space to one space and trims.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static List<(string Name, List<LabeledReview> Rows)> Split(List<LabeledReview> reviews, DatasetOptions options)
    {
        // Reviews without a company are their own group; companies are shuffled (seeded) and filled into test, then
        // validation, then train, so no company appears in two splits.
        var groups = reviews
            .GroupBy(r => r.Company.Length > 0 ? r.Company.ToLowerInvariant() : $"\u0000{r.Text}")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var random = new Random(options.Seed);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(groups));
        var test = new List<LabeledReview>();
        var validation = new List<LabeledReview>();
        var train = new List<LabeledReview>();
        var testTarget = options.TestFraction * reviews.Count;
        var validationTarget = options.ValidationFraction * reviews.Count;
        foreach (var group in groups)
        {
            var target = test.Count < testTarget ? test : validation.Count < validationTarget ? validation : train;
            target.AddRange(group);
        }
        return [("train", train), ("validation", validation), ("test", test)];
    }

    private static JsonObject SplitStats(List<LabeledReview> rows) => new()
    {
        ["rows"] = rows.Count,
        ["companies"] = rows.Where(r => r.Company.Length > 0).Select(r => r.Company.ToLowerInvariant()).Distinct().Count(),
        ["perClass"] = new JsonObject([.. SentimentLabels.Names.Select((n, i) => KeyValuePair.Create(n, (JsonNode?)rows.Count(r => r.Label == i)))]),
        ["perStar"] = new JsonObject([.. Enumerable.Range(1, 5).Select(s => KeyValuePair.Create(s.ToString(), (JsonNode?)rows.Count(r => r.Stars == s)))]),
    };
}
