using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReviewPulse.Api.Modeling;

namespace ReviewPulse.Api.Tests;

public sealed class ModelAndLimitTests
{
    [Fact]
    public async Task Without_a_model_predict_and_ready_say_503_and_everything_else_works()
    {
        await using var api = await ApiHost.StartAsync(new() { ["ReviewPulse:Model:Uri"] = "file:/nonexistent/model" });
        await ProblemAssert.Is(await api.Client.PostAsJsonAsync("/api/predict", new { text = "hello" }), HttpStatusCode.ServiceUnavailable, "manifest.json' does not exist");
        await ProblemAssert.Is(await api.Client.GetAsync("/ready"), HttpStatusCode.ServiceUnavailable, "no model is loaded");
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/api/brands/random")).StatusCode);
        var stored = await api.SubmitAsync("ikea.com", "Works without a model.", 4);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        Assert.False((await stored.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("model", out _));
    }

    [Fact]
    public async Task A_newly_published_model_is_swapped_in_and_a_corrupt_one_is_refused()
    {
        using var folder = new TempDirectory();
        foreach (var file in Directory.GetFiles(ApiHost.DefaultModel))
        {
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        }
        await using var api = await ApiHost.StartAsync(new() { ["ReviewPulse:Model:Uri"] = $"file:{folder.Path}" });
        var provider = api.Services.GetRequiredService<ModelProvider>();
        var before = await Version(api);

        var manifest = Path.Combine(folder.Path, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace($"\"version\": \"{before}\"", "\"version\": \"republished\""));
        await provider.RefreshAsync(CancellationToken.None);
        Assert.Equal("republished", await Version(api));

        File.AppendAllText(Path.Combine(folder.Path, "model.onnx"), "corruption");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"version\": \"republished\"", "\"version\": \"broken\""));
        await provider.RefreshAsync(CancellationToken.None);
        Assert.Equal("republished", await Version(api)); // the old model keeps serving
        Assert.Contains("sha256", provider.Error);
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/ready")).StatusCode);
    }

    [Fact]
    public async Task Predict_is_rate_limited_per_client_with_retry_after()
    {
        await using var api = await ApiHost.StartAsync(new() { ["ReviewPulse:Limits:PredictBurst"] = "3", ["ReviewPulse:Limits:PredictPerSecond"] = "1" });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            responses.Add(await api.Client.PostAsJsonAsync("/api/predict", new { text = "hello" }));
        }
        AssertBucket(responses.Select(r => r.StatusCode), burst: 3, clock.Elapsed);
        var limited = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter is not null);
        await ProblemAssert.Is(limited, HttpStatusCode.TooManyRequests, "retry after");
    }

    /// <summary>A token bucket of <paramref name="burst"/> refilled at 1/s: the burst passes, then at most one more per second.</summary>
    private static void AssertBucket(IEnumerable<HttpStatusCode> statuses, int burst, TimeSpan elapsed)
    {
        var list = statuses.ToList();
        var ok = list.Count(s => s == HttpStatusCode.OK);
        Assert.True(list.Take(burst).All(s => s == HttpStatusCode.OK), string.Join(",", list));
        Assert.InRange(ok, burst, burst + (int)Math.Ceiling(elapsed.TotalSeconds));
        Assert.Contains(HttpStatusCode.TooManyRequests, list);
    }

    [Fact]
    public async Task Submissions_are_rate_limited_per_client_and_a_refused_one_stores_nothing()
    {
        await using var api = await ApiHost.StartAsync(new() { ["ReviewPulse:Limits:SubmitPerMinute"] = "2" });
        Assert.Equal(HttpStatusCode.Created, (await api.SubmitAsync("ikea.com", "One.", 4)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.SubmitAsync("ikea.com", "Two.", 4)).StatusCode);
        await ProblemAssert.Is(await api.SubmitAsync("ikea.com", "Three.", 4), HttpStatusCode.TooManyRequests, "retry after");
        var stats = await (await api.Client.SendAsync(api.Admin(HttpMethod.Get, "/api/admin/stats"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, stats.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task The_viewer_address_counts_only_with_the_proxy_secret()
    {
        await using var api = await ApiHost.StartAsync(new()
        {
            ["ReviewPulse:TrustedProxySecret"] = "edge-secret",
            ["ReviewPulse:Limits:PredictBurst"] = "2",
            ["ReviewPulse:Limits:PredictPerSecond"] = "1",
        });
        async Task<HttpStatusCode> Predict(string? secret, string viewer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/predict") { Content = JsonContent.Create(new { text = "hello" }) };
            request.Headers.Add("CloudFront-Viewer-Address", viewer);
            if (secret is not null)
            {
                request.Headers.Add("X-ReviewPulse-Origin", secret);
            }
            return (await api.Client.SendAsync(request)).StatusCode;
        }
        // Through CloudFront (secret present) one visitor exhausts its own bucket…
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var visitor = new List<HttpStatusCode>();
        for (var port = 5000; port < 5006; port++)
        {
            visitor.Add(await Predict("edge-secret", $"198.51.100.1:{port}"));
        }
        AssertBucket(visitor, burst: 2, clock.Elapsed);
        // …while another visitor, and the caller itself, still have theirs.
        Assert.Equal(HttpStatusCode.OK, await Predict("edge-secret", "2001:db8::7:443"));
        // Without the secret the header is ignored: spoofed addresses all count against the real caller (loopback).
        clock.Restart();
        var spoofed = new List<HttpStatusCode>();
        for (var i = 1; i < 7; i++)
        {
            spoofed.Add(await Predict(i % 2 == 0 ? null : "wrong", $"203.0.113.{i}:1"));
        }
        AssertBucket(spoofed, burst: 2, clock.Elapsed);
    }

    [Theory]
    [InlineData("198.51.100.1:443", "198.51.100.1")]
    [InlineData("2001:db8::1:443", "2001:db8::1")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    public void Viewer_addresses_parse_as_cloudfront_writes_them(string header, string expected)
    {
        Assert.True(Security.ViewerAddress.TryParse(header, out var address));
        Assert.Equal(System.Net.IPAddress.Parse(expected), address);
    }

    [Fact]
    public void Missing_required_settings_fail_at_start_naming_the_variable()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ApiApplication.Build([], b => b.Configuration["ReviewPulse:Store"] = "dynamodb"));
        Assert.Contains("ReviewPulse__DynamoDb__Table", e.Message);
        Assert.Contains("ReviewPulse__SigningKey", e.Message);
        e = Assert.Throws<InvalidOperationException>(() => ApiApplication.Build([], b => b.Configuration["ReviewPulse:Admin:TokenSha256"] = "not-a-hash"));
        Assert.Contains("ReviewPulse__Admin__TokenSha256", e.Message);
    }

    private static async Task<string> Version(ApiHost api) =>
        (await (await api.Client.PostAsJsonAsync("/api/predict", new { text = "fine" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("modelVersion").GetString()!;
}
