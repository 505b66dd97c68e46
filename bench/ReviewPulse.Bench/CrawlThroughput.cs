using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewPulse.Scraper.Crawling;
using ReviewPulse.Scraper.Tests.FakeSite;
using ReviewPulse.Storage.Sqlite;

namespace ReviewPulse.Bench;

/// <summary>
/// Crawl throughput against the fake Trustpilot on loopback with zero politeness delay: fetch, parse and store
/// (SQLite, one transaction per page), one request at a time as the crawler always does.
/// </summary>
internal static class CrawlThroughput
{
    public static async Task RunAsync(int businesses, int reviewsEach)
    {
        await using var site = new FakeTrustpilot();
        await site.StartAsync();
        var fakes = Enumerable.Range(0, businesses).Select(i => new FakeBusiness($"shop{i}.example", $"Shop {i}", "Shopping").Add(reviewsEach)).ToList();
        site.Default = FakeBusiness.Site(fakes, new() { ["shopping"] = fakes }, categoryPageSize: 20);
        var folder = Directory.CreateTempSubdirectory("reviewpulse-crawl-bench-").FullName;
        try
        {
            var db = Path.Combine(folder, "crawl.db");
            var crawlStore = new SqliteCrawlStore(db);
            var reviewStore = new SqliteReviewStore(db);
            await reviewStore.InitializeAsync(default);
            await crawlStore.InitializeAsync(default);
            using var http = new HttpClient();
            var polite = new PoliteHttpClient(http, new PolitenessOptions { MinDelay = TimeSpan.Zero }, TimeProvider.System);
            var crawler = new Crawler(polite, crawlStore, reviewStore,
                new CrawlOptions { BaseUrl = site.BaseAddress, Categories = ["shopping"], SafetyMargin = TimeSpan.Zero, MaxBusinesses = businesses },
                TimeProvider.System, NullLogger<Crawler>.Instance);
            var clock = Stopwatch.StartNew();
            var report = await crawler.RunAsync(DateTimeOffset.UtcNow.AddMinutes(10), default);
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"crawl: {report.PagesFetched} pages ({report.ReviewsNew} reviews) in {seconds:0.00} s = {report.PagesFetched / seconds:0} pages/s, " +
                $"{report.ReviewsNew / seconds:0} reviews/s (fetch + parse + store, zero delay, loopback)");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
