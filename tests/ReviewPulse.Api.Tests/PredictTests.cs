using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ReviewPulse.Api.Tests;

public sealed class PredictTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Scores_text_with_label_probabilities_score_rating_and_version()
    {
        var response = await _api.Client.PostAsJsonAsync("/api/predict", new { text = "Terrible service, they lost my parcel and never refunded me." });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("negative", body.GetProperty("label").GetString());
        var p = body.GetProperty("probabilities");
        var sum = p.GetProperty("negative").GetSingle() + p.GetProperty("neutral").GetSingle() + p.GetProperty("positive").GetSingle();
        Assert.Equal(1f, sum, 3);
        Assert.InRange(body.GetProperty("score").GetSingle(), 0f, 1f);
        Assert.InRange(body.GetProperty("suggestedRating").GetInt32(), 1, 2);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("modelVersion").GetString()));
    }

    [Theory]
    [InlineData("{\"text\":\"\"}", "must not be empty")]
    [InlineData("{\"text\":\"   \"}", "must not be empty")]
    [InlineData("{}", "'text' is required")]
    [InlineData("null", "'text' is required")]
    [InlineData("{\"text\":42}", "not valid JSON")]
    [InlineData("{\"text\":\"unterminated", "not valid JSON")]
    [InlineData("[1,2]", "not valid JSON")]
    public async Task Bad_bodies_get_400_problem_details(string body, string detail)
    {
        var response = await _api.Client.PostAsync("/api/predict", new StringContent(body, Encoding.UTF8, "application/json"));
        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task Over_long_text_names_the_limit()
    {
        var response = await _api.Client.PostAsJsonAsync("/api/predict", new { text = new string('a', 5001) });
        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "limit is 5000 characters");
    }

    [Fact]
    public async Task Invalid_utf8_is_refused()
    {
        byte[] bytes = [.. "{\"text\":\"ok "u8, 0xFF, 0xFE, .. "\"}"u8];
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        await ProblemAssert.Is(await _api.Client.PostAsync("/api/predict", content), HttpStatusCode.BadRequest, "not valid JSON");
    }

    [Fact]
    public async Task Oversized_body_gets_413()
    {
        var response = await _api.Client.PostAsync("/api/predict", new StringContent($"{{\"text\":\"{new string('a', 70_000)}\"}}", Encoding.UTF8, "application/json"));
        await ProblemAssert.Is(response, HttpStatusCode.RequestEntityTooLarge, "larger than the limit");
    }

    [Fact]
    public async Task Explain_marks_the_words_that_pushed_the_score_each_way()
    {
        const string text = "Great service but terrible food.";
        var body = await (await _api.Client.PostAsJsonAsync("/api/explain", new { text })).Content.ReadFromJsonAsync<JsonElement>();
        var words = body.GetProperty("words").EnumerateArray()
            .ToDictionary(w => text.Substring(w.GetProperty("start").GetInt32(), w.GetProperty("length").GetInt32()), w => w.GetProperty("contribution").GetSingle());
        Assert.Equal(["Great", "service", "but", "terrible", "food"], words.Keys);
        Assert.True(words["Great"] > 0, $"Great: {words["Great"]}");
        Assert.True(words["terrible"] < 0, $"terrible: {words["terrible"]}");
        Assert.Equal(words.Values.Min(), words["terrible"]);
        await ProblemAssert.Is(await _api.Client.PostAsJsonAsync("/api/explain", new { text = "" }), HttpStatusCode.BadRequest, "must not be empty");
    }

    [Fact]
    public async Task OpenApi_document_lists_the_endpoints()
    {
        var doc = await _api.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/predict", "/api/reviews", "/api/brands/random", "/api/brands/{id}", "/api/admin/reviews", "/api/admin/stats", "/health", "/ready" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from OpenAPI");
        }
    }
}
