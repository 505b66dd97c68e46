using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using ReviewPulse.Scraper.Crawling;

namespace ReviewPulse.Scraper.Runs;

/// <summary>One crawl with the given settings until the deadline: shared by the CLI and the scheduled Lambda.</summary>
public static class ScrapeRun
{
    public static async Task<CrawlReport> RunAsync(ScraperSettings settings, DateTimeOffset deadline, TimeSpan safetyMargin, ILoggerFactory logging, CancellationToken ct)
    {
        var problems = settings.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Configuration is invalid:\n  " + string.Join("\n  ", problems));
        }
        var (crawlStore, reviewStore) = settings.OpenStores();
        await reviewStore.InitializeAsync(ct);
        await crawlStore.InitializeAsync(ct);
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All });
        var polite = new PoliteHttpClient(http, new PolitenessOptions { MinDelay = TimeSpan.FromSeconds(settings.DelaySeconds) }, TimeProvider.System);
        var crawler = new Crawler(polite, crawlStore, reviewStore, settings.CrawlOptions(safetyMargin), TimeProvider.System, logging.CreateLogger<Crawler>());
        return await crawler.RunAsync(deadline, ct);
    }

    public static string ToJson(CrawlReport report) => JsonSerializer.Serialize(report, RunJson.Default.CrawlReport);
}

/// <summary>Source-generated JSON for run reports.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(CrawlReport))]
internal sealed partial class RunJson : JsonSerializerContext;
