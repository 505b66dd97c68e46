using System.Diagnostics;
using ReviewPulse.Scraper.Parsing;

namespace ReviewPulse.Bench;

/// <summary>Pages parsed per second on one thread over the real fixture pages (read into memory first; no I/O timed).</summary>
internal static class ParseThroughput
{
    public static void Run(string fixtures, double seconds)
    {
        var pages = Directory.GetFiles(fixtures, "review_page_*.html")
            .Where(f => !f.Contains("legacy", StringComparison.Ordinal))
            .Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f)))
            .ToList();
        foreach (var (_, bytes) in pages)
        {
            TrustpilotParser.Parse(bytes); // warm-up
        }
        var rounds = new List<double>();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed.TotalSeconds < seconds)
        {
            var clock = Stopwatch.StartNew();
            foreach (var (_, bytes) in pages)
            {
                TrustpilotParser.Parse(bytes);
            }
            rounds.Add(pages.Count / clock.Elapsed.TotalSeconds);
        }
        rounds.Sort();
        var megabytes = pages.Sum(p => p.Bytes.Length) / 1e6 / pages.Count;
        Console.WriteLine($"parse: {pages.Count} review pages (mean {megabytes:0.00} MB), one thread, {rounds.Count} rounds: median {rounds[rounds.Count / 2]:0} pages/s (min {rounds[0]:0}, max {rounds[^1]:0})");
    }
}
