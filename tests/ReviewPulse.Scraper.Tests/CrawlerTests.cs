using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewPulse.Core.Crawling;
using ReviewPulse.Scraper.Crawling;
using ReviewPulse.Scraper.Tests.FakeSite;
using ReviewPulse.Storage.Sqlite;

namespace ReviewPulse.Scraper.Tests;

/// <summary>Whole crawls against the fake Trustpilot, stored in a real SQLite file.</summary>
public sealed class CrawlerTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTrustpilot _site = new();
    private readonly HttpClient _http = new();
    private readonly TempDirectory _temp = new();
    private readonly FakeBusiness _acme = new FakeBusiness("acme.com", "Acme", "Shopping").Add(45).Add(3, "de");
    private readonly FakeBusiness _bolt = new FakeBusiness("bolt.example", "Bolt", "Transport").Add(7);
    private readonly FakeBusiness _cosy = new FakeBusiness("cosy.example", "Cosy", "Home").Add(25);
    private SqliteCrawlStore _crawlStore = null!;
    private SqliteReviewStore _reviewStore = null!;

    public async Task InitializeAsync()
    {
        await _site.StartAsync();
        _site.Default = FakeBusiness.Site([_acme, _bolt, _cosy], new() { ["home"] = [_bolt, _cosy, new FakeBusiness("gone.example", "Gone", "Home")] });
        var db = Path.Combine(_temp.Path, "crawl.db");
        _crawlStore = new SqliteCrawlStore(db);
        _reviewStore = new SqliteReviewStore(db);
        await _reviewStore.InitializeAsync(default);
        await _crawlStore.InitializeAsync(default);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    private Crawler Crawler(CrawlOptions? options = null) => new(
        new PoliteHttpClient(_http, new PolitenessOptions { MinDelay = TimeSpan.Zero, BaseBackoff = TimeSpan.FromMilliseconds(10), RequestTimeout = TimeSpan.FromSeconds(5) }, TimeProvider.System),
        _crawlStore, _reviewStore,
        options ?? new CrawlOptions { BaseUrl = _site.BaseAddress, Businesses = ["acme.com"], Categories = ["home"], SafetyMargin = TimeSpan.Zero },
        TimeProvider.System, NullLogger<Crawler>.Instance);

    private static DateTimeOffset Later => DateTimeOffset.UtcNow.AddMinutes(5);

    private async Task<List<CollectedReview>> Stored()
    {
        var all = new List<CollectedReview>();
        await foreach (var r in _crawlStore.ExportCollectedAsync(default))
        {
            all.Add(r);
        }
        return all;
    }

    [Fact]
    public async Task A_full_crawl_walks_categories_businesses_and_pages_and_keeps_english_only()
    {
        var report = await Crawler().RunAsync(Later, default);

        var stored = await Stored();
        Assert.Equal(45 + 7 + 25, stored.Count);
        Assert.All(stored, r => Assert.Equal("en", r.Language));
        Assert.Equal(stored.Count, report.ReviewsNew);
        Assert.Equal(0, report.ReviewsDuplicate);
        Assert.Equal(3, report.BusinessesCompleted);
        Assert.Equal(CrawlState.NotFound, (await _crawlStore.GetCrawlStateAsync("gone.example", default))!.Status);
        Assert.Equal(CrawlState.UpToDate, (await _crawlStore.GetCrawlStateAsync("acme.com", default))!.Status);
        Assert.Equal("Category home", (await _reviewStore.GetBrandAsync("cosy.example", default))!.Category); // listed first by its category page
        Assert.Equal(new ReviewPulse.Core.Reviews.Brand("acme.com", "Acme", "Shopping"), await _reviewStore.GetBrandAsync("acme.com", default));
        // acme.com 3 pages (45 English reviews), cosy 2, bolt 1, gone.example 1 (404): nothing fetched twice.
        Assert.Equal(3 + 2 + 1 + 1, _site.Log.Count(r => r.PathAndQuery.StartsWith("/review/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_re_crawl_fetches_only_until_known_reviews_and_stores_no_duplicates()
    {
        await Crawler().RunAsync(Later, default);
        _acme.Add(5);
        var before = _site.Log.Count;
        var report = await Crawler().RunAsync(Later, default);

        Assert.Equal(5, report.ReviewsNew);
        Assert.Equal(45 + 7 + 25 + 5, (await Stored()).Count);
        var acmePages = _site.Log.Skip(before).Count(r => r.PathAndQuery.StartsWith("/review/acme.com", StringComparison.Ordinal));
        Assert.Equal(1, acmePages); // the newest page already reaches reviews stored last time
    }

    [Fact]
    public async Task A_run_killed_mid_crawl_resumes_where_it_stopped_losing_and_doubling_nothing()
    {
        using var kill = new CancellationTokenSource();
        var served = 0;
        var site = _site.Default;
        _site.Default = async http =>
        {
            await site(http);
            if (http.Request.Path.StartsWithSegments("/review/acme.com") && ++served == 2)
            {
                kill.Cancel(); // the process dies after the second page of acme.com
            }
        };
        var onlyAcme = new CrawlOptions { BaseUrl = _site.BaseAddress, Businesses = ["acme.com"], SafetyMargin = TimeSpan.Zero };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Crawler(onlyAcme).RunAsync(Later, kill.Token));
        var state = await _crawlStore.GetCrawlStateAsync("acme.com", default);
        Assert.Equal(CrawlState.InProgress, state!.Status);
        Assert.InRange(state.NextPage, 2, 3); // page 2 may or may not have been stored when the process "died"
        var storedBeforeResume = (await Stored()).Count;
        Assert.Equal((state.NextPage - 1) * 20, storedBeforeResume);

        var resumed = await Crawler(onlyAcme).RunAsync(Later, default);
        Assert.False(resumed.LeaseHeldElsewhere || resumed.StoppedForDeadline);
        Assert.Equal(45 - storedBeforeResume, resumed.ReviewsNew); // it starts at the first page not stored
        var stored = await Stored();
        Assert.Equal(45, stored.Count);
        Assert.Equal(45, stored.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_deadline_is_respected_with_time_to_spare()
    {
        var site = _site.Default;
        _site.Default = async http =>
        {
            if (http.Request.Path.StartsWithSegments("/review/cosy.example"))
            {
                await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted); // never answers in time: time-outs, retries, back-off
            }
            await site(http);
        };
        var deadline = DateTimeOffset.UtcNow.AddSeconds(8);
        var options = new CrawlOptions { BaseUrl = _site.BaseAddress, Businesses = ["acme.com", "cosy.example"], SafetyMargin = TimeSpan.FromSeconds(1) };
        var crawler = new Crawler(
            new PoliteHttpClient(_http, new PolitenessOptions { MinDelay = TimeSpan.FromMilliseconds(100), BaseBackoff = TimeSpan.FromSeconds(1), RequestTimeout = TimeSpan.FromSeconds(2), MaxAttempts = 10 }, TimeProvider.System),
            _crawlStore, _reviewStore, options, TimeProvider.System, NullLogger<Crawler>.Instance);
        var report = await crawler.RunAsync(deadline, default);
        Assert.True(report.StoppedForDeadline, report.ToString());
        Assert.True(DateTimeOffset.UtcNow < deadline, "the run overran its deadline");
        Assert.Equal(45, report.ReviewsNew); // acme.com finished before cosy.example used up the time
        Assert.Equal(1, (await _crawlStore.GetCrawlStateAsync("cosy.example", default))?.NextPage ?? 1);
    }

    [Fact]
    public async Task A_blocked_host_is_left_alone_and_reported()
    {
        _site.Script("/review/acme.com?languages=en&sort=recency", FakeTrustpilot.Status(403));
        var report = await Crawler().RunAsync(Later, default);
        Assert.Single(report.BlockedHosts);
        Assert.Equal(1, _site.Log.Count(r => r.PathAndQuery.StartsWith("/review/", StringComparison.Ordinal)));
        Assert.Equal(CrawlState.Blocked, (await _crawlStore.GetCrawlStateAsync("acme.com", default))!.Status);
        Assert.Empty(await Stored());
    }

    [FixturesFact]
    public async Task A_real_Trustpilot_page_served_by_the_fake_site_is_crawled_and_stored()
    {
        var real = await File.ReadAllBytesAsync(Fixtures.Real("review_page_en_gullwingmotor.com_2022.html"));
        _site.Script("/review/gullwingmotor.com?languages=en&sort=recency", http => http.Response.Body.WriteAsync(real).AsTask());
        var options = new CrawlOptions { BaseUrl = _site.BaseAddress, Businesses = ["gullwingmotor.com"], MaxPagesPerBusiness = 1, SafetyMargin = TimeSpan.Zero };
        var report = await Crawler(options).RunAsync(Later, default);
        Assert.Equal(20, report.ReviewsNew);
        var stored = await Stored();
        Assert.All(stored, r => Assert.Equal("gullwingmotor.com", r.BrandId));
        Assert.Equal("Gullwing Motor", (await _reviewStore.GetBrandAsync("gullwingmotor.com", default))!.Name);
    }

    [Fact]
    public async Task A_second_run_does_nothing_while_the_first_holds_the_lease()
    {
        Assert.True(await _crawlStore.TryAcquireLeaseAsync("other-run", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10), default));
        var report = await Crawler().RunAsync(Later, default);
        Assert.True(report.LeaseHeldElsewhere);
        Assert.Empty(_site.Log);
    }

    [Fact]
    public async Task A_truncated_page_is_an_error_that_stores_nothing_and_is_retried_next_run()
    {
        _site.Script("/review/bolt.example?languages=en&sort=recency", http => http.Response.WriteAsync(_bolt.Page(1, "en")[..300]));
        var options = new CrawlOptions { BaseUrl = _site.BaseAddress, Businesses = ["bolt.example"], SafetyMargin = TimeSpan.Zero };
        var first = await Crawler(options).RunAsync(Later, default);
        Assert.Equal(1, first.Errors);
        Assert.Empty(await Stored());
        var state = await _crawlStore.GetCrawlStateAsync("bolt.example", default);
        Assert.Equal((CrawlState.Failing, 1), (state!.Status, state.Failures));
        var second = await Crawler(options).RunAsync(Later, default);
        Assert.Equal(7, second.ReviewsNew);
    }
}
