using ReviewPulse.Scraper.Crawling;
using ReviewPulse.Scraper.Tests.FakeSite;

namespace ReviewPulse.Scraper.Tests;

/// <summary>The crawler's HTTP manners, against a fake Trustpilot on loopback.</summary>
public sealed class PoliteHttpClientTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTrustpilot _site = new();
    private readonly HttpClient _http = new();

    public Task InitializeAsync() => _site.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    public void Dispose() => _http.Dispose();

    private PoliteHttpClient Client(PolitenessOptions? options = null) => new(_http, options ?? new PolitenessOptions
    {
        MinDelay = TimeSpan.FromMilliseconds(100),
        BaseBackoff = TimeSpan.FromMilliseconds(50),
        RequestTimeout = TimeSpan.FromSeconds(5),
    }, TimeProvider.System);

    private Uri Url(string pathAndQuery) => new(_site.BaseAddress, pathAndQuery);

    private int Requests(string pathAndQuery) => _site.Log.Count(r => r.PathAndQuery == pathAndQuery);

    [Fact]
    public async Task Robots_txt_is_fetched_once_and_obeyed_with_a_descriptive_user_agent()
    {
        _site.Robots = "User-agent: *\nDisallow: /review/private\nCrawl-delay: 0.2\n";
        var client = Client();
        Assert.Equal(FetchOutcome.Disallowed, (await client.GetAsync(Url("review/private?page=1"), default)).Outcome);
        Assert.Equal(FetchOutcome.Ok, (await client.GetAsync(Url("review/public"), default)).Outcome);
        Assert.Equal(FetchOutcome.Ok, (await client.GetAsync(Url("review/public?page=2"), default)).Outcome);
        Assert.Equal(1, Requests("/robots.txt"));
        Assert.Equal(0, Requests("/review/private?page=1"));
        Assert.All(_site.Log, r => Assert.StartsWith("ReviewPulseBot/", r.UserAgent));
        var pages = _site.Log.Where(r => r.PathAndQuery.StartsWith("/review/", StringComparison.Ordinal)).OrderBy(r => r.Started).ToList();
        Assert.True(pages[1].Started - pages[0].Ended >= TimeSpan.FromMilliseconds(190), "Crawl-delay 0.2 s was not honoured");
    }

    [Fact]
    public async Task One_request_at_a_time_per_host_with_the_delay_between()
    {
        var client = Client();
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => client.GetAsync(Url($"review/x?page={i}"), default)));
        Assert.Equal(1, _site.MaxConcurrency);
        var ordered = _site.Log.OrderBy(r => r.Started).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.True(ordered[i].Started - ordered[i - 1].Ended >= TimeSpan.FromMilliseconds(90), $"gap before request {i} was {(ordered[i].Started - ordered[i - 1].Ended).TotalMilliseconds} ms");
        }
    }

    [Fact]
    public async Task A_429_waits_for_Retry_After_then_succeeds()
    {
        _site.Script("/review/busy", FakeTrustpilot.Status(429, "1"));
        var result = await Client().GetAsync(Url("review/busy"), default);
        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(2, result.Attempts);
        var tries = _site.Log.Where(r => r.PathAndQuery == "/review/busy").OrderBy(r => r.Started).ToList();
        Assert.True(tries[1].Started - tries[0].Ended >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_back_off_then_given_up()
    {
        _site.Script("/review/flaky", FakeTrustpilot.Status(503), FakeTrustpilot.Status(500));
        var flaky = await Client().GetAsync(Url("review/flaky"), default);
        Assert.Equal((FetchOutcome.Ok, 3), (flaky.Outcome, flaky.Attempts));

        _site.Script("/review/down", Enumerable.Repeat(FakeTrustpilot.Status(502), 10).ToArray());
        var down = await Client().GetAsync(Url("review/down"), default);
        Assert.Equal(FetchOutcome.Failed, down.Outcome);
        Assert.Equal(4, Requests("/review/down"));
    }

    [Fact]
    public async Task Slow_answers_time_out_and_are_retried()
    {
        _site.Script("/review/slow", FakeTrustpilot.Slow(TimeSpan.FromSeconds(3)), FakeTrustpilot.Slow(TimeSpan.FromSeconds(3)));
        var result = await Client(new PolitenessOptions { MinDelay = TimeSpan.FromMilliseconds(10), BaseBackoff = TimeSpan.FromMilliseconds(10), RequestTimeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 2 })
            .GetAsync(Url("review/slow"), default);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("no answer within", result.Reason);
    }

    [Fact]
    public async Task A_bot_challenge_blocks_the_host_for_the_rest_of_the_run()
    {
        _site.Script("/review/a", FakeTrustpilot.Status(403));
        var client = Client();
        Assert.Equal(FetchOutcome.Blocked, (await client.GetAsync(Url("review/a"), default)).Outcome);
        var next = await client.GetAsync(Url("review/b"), default);
        Assert.Equal(FetchOutcome.Blocked, next.Outcome);
        Assert.Equal(0, next.Attempts);
        Assert.Equal(0, Requests("/review/b"));
        Assert.Single(client.BlockedHosts);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_limit_defers_to_the_next_run()
    {
        _site.Script("/review/later", FakeTrustpilot.Status(429, "3600"));
        var result = await Client().GetAsync(Url("review/later"), default);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("retry next run", result.Reason);
        Assert.Equal(1, Requests("/review/later"));
    }

    [Theory]
    [InlineData(404, FetchOutcome.Ok)]
    [InlineData(500, FetchOutcome.Disallowed)]
    public async Task Missing_robots_allows_and_unreachable_robots_forbids(int robotsStatus, FetchOutcome expected)
    {
        _site.Script("/robots.txt", Enumerable.Repeat(FakeTrustpilot.Status(robotsStatus), 5).ToArray());
        Assert.Equal(expected, (await Client().GetAsync(Url("review/x"), default)).Outcome);
    }
}
