using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ReviewPulse.Scraper.Tests.FakeSite;

namespace ReviewPulse.Scraper.Tests;

/// <summary>The scraper as it is run: the CLI (scrape, export) and the scheduled Lambda, as real processes.</summary>
public sealed class ScraperRunTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTrustpilot _site = new();
    private readonly TempDirectory _temp = new();
    private readonly FakeBusiness _acme = new FakeBusiness("acme.com", "Acme", "Shopping").Add(30);

    private string Database => Path.Combine(_temp.Path, "scraper.db");

    public async Task InitializeAsync()
    {
        await _site.StartAsync();
        _site.Default = FakeBusiness.Site([_acme], new() { ["shop"] = [_acme] });
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public void Scrape_then_export_writes_a_training_corpus()
    {
        var (code, stdout, stderr) = Run(["scrape", "--categories", "shop", "--base-url", _site.BaseAddress.ToString(), "--delay", "0", "--minutes", "2"]);
        Assert.True(code == 0, stderr);
        var report = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(30, report.GetProperty("reviewsNew").GetInt32());
        Assert.Equal(3, report.GetProperty("pagesFetched").GetInt32()); // one category page, two review pages

        var again = JsonDocument.Parse(Run(["scrape", "--businesses", "acme.com", "--base-url", _site.BaseAddress.ToString(), "--delay", "0"]).Stdout).RootElement;
        Assert.Equal(0, again.GetProperty("reviewsNew").GetInt32());

        var csv = Path.Combine(_temp.Path, "corpus.csv");
        (code, _, stderr) = Run(["export", "--output", csv]);
        Assert.Equal(0, code);
        Assert.Contains("exported 30 collected and 0 visitor reviews", stderr);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("text,stars,title,company,date,lang,source,origin", lines[0]);
        Assert.Equal(31, lines.Length);
        Assert.Contains(lines, l => l.Contains(",acme.com,", StringComparison.Ordinal) && l.EndsWith(",en,trustpilot,trustpilot:acme.com-r0", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_settings_fail_with_the_variable_named()
    {
        var (code, _, stderr) = Run(["scrape", "--businesses", "acme.com"], new() { ["ReviewPulse__Store"] = "postgres" });
        Assert.Equal(2, code);
        Assert.Contains("ReviewPulse__Store", stderr);
    }

    [Fact]
    public async Task The_scheduled_lambda_crawls_within_its_deadline_and_reports()
    {
        await using var runtime = new FakeRuntimeApi { Timeout = TimeSpan.FromMinutes(2) };
        await runtime.StartAsync();
        var info = Start(["--nothing"], new()
        {
            ["AWS_LAMBDA_RUNTIME_API"] = runtime.Address,
            ["ReviewPulse__Scraper__Businesses"] = "acme.com",
            ["ReviewPulse__Scraper__BaseUrl"] = _site.BaseAddress.ToString(),
            ["ReviewPulse__Scraper__DelaySeconds"] = "0",
        });
        using var process = Process.Start(info)!;
        try
        {
            var scheduled = Encoding.UTF8.GetBytes("""{"version":"0","id":"e1","detail-type":"Scheduled Event","source":"aws.events","time":"2026-12-04T12:00:00Z","resources":[],"detail":{}}""");
            var (kind, body) = await runtime.InvokeAsync(scheduled, TimeSpan.FromSeconds(60));
            Assert.Equal("response", kind);
            var report = JsonDocument.Parse(body).RootElement;
            Assert.Equal(30, report.GetProperty("reviewsNew").GetInt32());
            Assert.False(report.GetProperty("stoppedForDeadline").GetBoolean());

            // An invocation with too little time for one more page does no crawling rather than overrun.
            runtime.Timeout = TimeSpan.FromSeconds(25);
            var (_, shortBody) = await runtime.InvokeAsync(scheduled, TimeSpan.FromSeconds(60));
            var cut = JsonDocument.Parse(shortBody).RootElement;
            Assert.True(cut.GetProperty("stoppedForDeadline").GetBoolean());
            Assert.Equal(0, cut.GetProperty("pagesFetched").GetInt32());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private ProcessStartInfo Start(string[] args, Dictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ReviewPulse.Scraper.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["ReviewPulse__Sqlite__Path"] = Database;
        foreach (var (k, v) in environment ?? [])
        {
            info.Environment[k] = v;
        }
        return info;
    }

    private (int Code, string Stdout, string Stderr) Run(string[] args, Dictionary<string, string>? environment = null) =>
        ProcessRunner.Dotnet("ReviewPulse.Scraper.dll", args,
            new Dictionary<string, string?>((environment ?? []).Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value))) { ["ReviewPulse__Sqlite__Path"] = Database });
}
