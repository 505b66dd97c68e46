using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ReviewPulse.Api.Tests;

public sealed class AdminTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [InlineData(null, "Authorization: Bearer")]
    [InlineData("wrong-token", "not valid")]
    [InlineData("", "Authorization: Bearer")]
    public async Task Requests_without_the_right_token_get_401(string? token, string detail)
    {
        foreach (var (method, path) in new[] { (HttpMethod.Get, "/api/admin/reviews"), (HttpMethod.Get, "/api/admin/stats"), (HttpMethod.Delete, "/api/admin/reviews/x") })
        {
            var response = await _api.Client.SendAsync(_api.Admin(method, path, token));
            await ProblemAssert.Is(response, HttpStatusCode.Unauthorized, detail);
        }
    }

    [Fact]
    public async Task Admin_is_closed_when_no_token_hash_is_configured()
    {
        await using var closed = await ApiHost.StartAsync(new() { ["ReviewPulse:Admin:TokenSha256"] = "" });
        var response = await closed.Client.SendAsync(closed.Admin(HttpMethod.Get, "/api/admin/reviews"));
        await ProblemAssert.Is(response, HttpStatusCode.Unauthorized, "admin API is closed");
    }

    [Fact]
    public async Task Lists_newest_first_across_pages_filters_by_brand_and_deletes()
    {
        for (var i = 0; i < 5; i++)
        {
            (await _api.SubmitAsync(i % 2 == 0 ? "nike.com" : "adidas.com", $"Review number {i}", 1 + i)).EnsureSuccessStatusCode();
        }
        var texts = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Get($"/api/admin/reviews?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            texts.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("text").GetString()!));
            cursor = page.TryGetProperty("nextCursor", out var next) ? Uri.EscapeDataString(next.GetString()!) : null;
        }
        while (cursor is not null);
        Assert.Equal(["Review number 4", "Review number 3", "Review number 2", "Review number 1", "Review number 0"], texts);

        var nike = await Get("/api/admin/reviews?brandId=nike.com&limit=2");
        Assert.All(nike.GetProperty("items").EnumerateArray(), r => Assert.Equal("nike.com", r.GetProperty("brandId").GetString()));
        var nikeCursor = Uri.EscapeDataString(nike.GetProperty("nextCursor").GetString()!);
        var misused = await _api.Client.SendAsync(_api.Admin(HttpMethod.Get, $"/api/admin/reviews?cursor={nikeCursor}"));
        await ProblemAssert.Is(misused, HttpStatusCode.BadRequest, "not valid for this list");

        var id = (await Get("/api/admin/reviews?limit=1")).GetProperty("items")[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await _api.Client.SendAsync(_api.Admin(HttpMethod.Delete, $"/api/admin/reviews/{id}"))).StatusCode);
        await ProblemAssert.Is(await _api.Client.SendAsync(_api.Admin(HttpMethod.Delete, $"/api/admin/reviews/{id}")), HttpStatusCode.NotFound, "does not exist");

        var stats = await Get("/api/admin/stats");
        Assert.Equal(4, stats.GetProperty("total").GetInt64());
        Assert.Equal(5, stats.GetProperty("ratingVsSuggestion").GetArrayLength());
        Assert.Equal(4, stats.GetProperty("perDay").EnumerateArray().Sum(d => d.GetProperty("count").GetInt64()));
    }

    private async Task<JsonElement> Get(string path)
    {
        var response = await _api.Client.SendAsync(_api.Admin(HttpMethod.Get, path));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
