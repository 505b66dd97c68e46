using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ReviewPulse.Api.Tests;

public sealed class BrandAndReviewTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Brand_pages_walk_the_whole_catalogue_and_random_picks_from_it()
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _api.Client.GetFromJsonAsync<JsonElement>($"/api/brands?limit=7{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetString()!));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);
        Assert.Equal(60, ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        var random = await _api.Client.GetFromJsonAsync<JsonElement>("/api/brands/random");
        Assert.Contains(random.GetProperty("id").GetString(), ids);
        Assert.Equal(2, random.GetProperty("monogram").GetString()!.Length);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("YWRpZGFzLmNvbQ.AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Tampered_brand_cursor_is_refused(string cursor) =>
        await ProblemAssert.Is(await _api.Client.GetAsync($"/api/brands?cursor={cursor}"), HttpStatusCode.BadRequest, "'cursor' is not valid");

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Page_size_outside_limits_is_refused(int limit) =>
        await ProblemAssert.Is(await _api.Client.GetAsync($"/api/brands?limit={limit}"), HttpStatusCode.BadRequest, "between 1 and 100");

    [Fact]
    public async Task Unknown_brand_is_404() =>
        await ProblemAssert.Is(await _api.Client.GetAsync("/api/brands/nobody.example"), HttpStatusCode.NotFound, "does not exist");

    [Fact]
    public async Task A_review_is_stored_with_the_servers_own_scoring_and_counted_in_the_summary()
    {
        const string text = "Fantastic shop, quick delivery and lovely support.";
        var response = await _api.Client.PostAsync("/api/reviews", JsonContent.Create(new
        {
            brandId = "ikea.com", text, rating = 2, submissionId = "sub-00000001", score = 0.0, model = new { label = "negative" },
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var review = await response.Content.ReadFromJsonAsync<JsonElement>();
        var predicted = await (await _api.Client.PostAsJsonAsync("/api/predict", new { text })).Content.ReadFromJsonAsync<JsonElement>();
        var model = review.GetProperty("model");
        Assert.Equal(predicted.GetProperty("label").GetString(), model.GetProperty("label").GetString());
        Assert.Equal(predicted.GetProperty("score").GetSingle(), model.GetProperty("score").GetSingle(), 5);
        Assert.Equal(predicted.GetProperty("modelVersion").GetString(), model.GetProperty("modelVersion").GetString());
        Assert.Equal(2, review.GetProperty("rating").GetInt32());

        await _api.SubmitAsync("ikea.com", "Okay I guess.", 3);
        var summary = await _api.Client.GetFromJsonAsync<JsonElement>("/api/brands/ikea.com");
        Assert.Equal(2, summary.GetProperty("reviewCount").GetInt64());
        Assert.Equal(2.5, summary.GetProperty("meanRating").GetDouble());
    }

    [Fact]
    public async Task The_same_submission_id_stores_one_review_and_conflicts_on_other_content()
    {
        var first = await _api.SubmitAsync("asos.com", "Nice clothes.", 4, "double-click-1");
        var again = await _api.SubmitAsync("asos.com", "Nice clothes.", 4, "double-click-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString(),
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        await ProblemAssert.Is(await _api.SubmitAsync("asos.com", "Changed my mind.", 1, "double-click-1"), HttpStatusCode.Conflict, "already used");
        Assert.Equal(1, CountRows());
    }

    [Fact]
    public async Task Concurrent_duplicate_submissions_store_exactly_one()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _api.SubmitAsync("etsy.com", "Lovely handmade mug.", 5, "concurrent-1")));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));
        Assert.Equal(1, CountRows());
    }

    [Theory]
    [InlineData("{\"brandId\":\"nobody.example\",\"text\":\"hi\",\"rating\":3,\"submissionId\":\"abcdefgh1\"}", "not a known brand")]
    [InlineData("{\"brandId\":\"ikea.com\",\"text\":\"hi\",\"rating\":0,\"submissionId\":\"abcdefgh2\"}", "'rating' must be")]
    [InlineData("{\"brandId\":\"ikea.com\",\"text\":\"hi\",\"rating\":6,\"submissionId\":\"abcdefgh3\"}", "'rating' must be")]
    [InlineData("{\"brandId\":\"ikea.com\",\"text\":\"hi\",\"rating\":3.5,\"submissionId\":\"abcdefgh4\"}", "not valid JSON")]
    [InlineData("{\"brandId\":\"ikea.com\",\"text\":\"hi\",\"rating\":\"five\",\"submissionId\":\"abcdefgh5\"}", "not valid JSON")]
    [InlineData("{\"brandId\":\"ikea.com\",\"text\":\"hi\",\"rating\":3}", "'submissionId' is required")]
    [InlineData("{\"brandId\":\"ikea.com\",\"text\":\"hi\",\"rating\":3,\"submissionId\":\"short\"}", "'submissionId' is required")]
    [InlineData("{\"brandId\":\"ikea.com\",\"text\":\"hi\",\"rating\":3,\"submissionId\":\"has spaces in it\"}", "'submissionId' is required")]
    [InlineData("{\"text\":\"hi\",\"rating\":3,\"submissionId\":\"abcdefgh6\"}", "'brandId' is required")]
    [InlineData("{\"brandId\":\"ikea.com\",\"text\":\"\",\"rating\":3,\"submissionId\":\"abcdefgh7\"}", "must not be empty")]
    [InlineData("", "body")]
    public async Task Invalid_reviews_are_refused_and_store_nothing(string body, string detail)
    {
        var response = await _api.Client.PostAsync("/api/reviews", new StringContent(body, Encoding.UTF8, "application/json"));
        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, detail);
        Assert.Equal(0, CountRows());
    }

    [Fact]
    public async Task Over_long_review_names_the_limit_and_stores_nothing()
    {
        await ProblemAssert.Is(await _api.SubmitAsync("ikea.com", new string('x', 5001), 3), HttpStatusCode.BadRequest, "limit is 5000");
        Assert.Equal(0, CountRows());
    }

    [Fact]
    public async Task No_raw_client_address_is_stored()
    {
        await _api.SubmitAsync("ikea.com", "Fine.", 4);
        using var db = new SqliteConnection($"Data Source={Path.Combine(_api.DataDirectory, "reviews.db")}");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT client_key FROM reviews";
        var key = (string)cmd.ExecuteScalar()!;
        Assert.DoesNotContain("127.0.0.1", key);
        Assert.Equal(32, key.Length);
    }

    private long CountRows()
    {
        using var db = new SqliteConnection($"Data Source={Path.Combine(_api.DataDirectory, "reviews.db")}");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM reviews";
        return (long)cmd.ExecuteScalar()!;
    }
}
