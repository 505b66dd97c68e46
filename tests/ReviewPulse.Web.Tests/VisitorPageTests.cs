using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace ReviewPulse.Web.Tests;

[Collection(BrowserGroup.Name)]
public sealed class VisitorPageTests(BrowserFixture app)
{
    private const string Negative = "Terrible. The parcel never arrived, support was rude and they refused a refund.";
    private const string Positive = "Wonderful shop! Fast delivery, friendly staff and great prices. Highly recommend.";

    [Fact]
    public async Task Typing_moves_the_gauge_and_the_suggested_stars_until_the_visitor_picks()
    {
        var (page, requests) = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl);
        await Assertions.Expect(page.Locator("#brand-name")).Not.ToHaveTextAsync("Loading a brand…");

        await page.FillAsync("#review-text", Negative);
        await WaitForGauge(page, Negative);
        Assert.True(await Score(page) < 1 / 3.0);
        await Assertions.Expect(page.Locator("#gauge-fill")).ToHaveClassAsync("gauge-fill negative");
        Assert.InRange(await CheckedStars(page), 1, 2);
        await Assertions.Expect(page.Locator("#char-count")).ToHaveTextAsync($"{Negative.Length} / 5000");

        await page.FillAsync("#review-text", Positive);
        await WaitForGauge(page, Positive);
        Assert.True(await Score(page) > 2 / 3.0);
        Assert.InRange(await CheckedStars(page), 4, 5);
        await Assertions.Expect(page.Locator("#why-text .pos").First).ToBeVisibleAsync();

        await page.Locator("label[for=star-3]").ClickAsync();
        await page.FillAsync("#review-text", Negative);
        await WaitForGauge(page, Negative);
        Assert.Equal(3, await CheckedStars(page)); // the visitor's own pick is kept
        await Assertions.Expect(page.Locator("#why-text")).ToHaveTextAsync(Negative);
        await Assertions.Expect(page.Locator("#why")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("stale"));
        await page.WaitForTimeoutAsync(300); // let the gauge's transition finish before the pictures
        await Screenshots(page, "visitor");
        AssertSameOrigin(requests);
    }

    [Fact]
    public async Task A_slow_answer_for_older_text_never_overwrites_the_latest()
    {
        var (page, requests) = await app.NewPageAsync();
        await page.RouteAsync("**/api/predict", async route =>
        {
            if (route.Request.PostData?.Contains("\"Terrible.\"") == true)
            {
                await Task.Delay(1500); // the answer for the older text arrives last
            }
            try
            {
                await route.ContinueAsync();
            }
            catch (PlaywrightException)
            {
                // The page already cancelled this request.
            }
        });
        await page.GotoAsync(app.BaseUrl);
        await page.FillAsync("#review-text", "Terrible.");
        await page.WaitForRequestAsync("**/api/predict");
        await page.FillAsync("#review-text", Positive);
        await WaitForGauge(page, Positive);
        await page.WaitForTimeoutAsync(2000);
        Assert.Equal(Positive, await page.GetAttributeAsync("#gauge", "data-text"));
        Assert.True(await Score(page) > 2 / 3.0);
        AssertSameOrigin(requests);
    }

    [Fact]
    public async Task A_double_clicked_submit_stores_exactly_one_review_and_moves_to_another_brand()
    {
        var (page, requests) = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl);
        await Assertions.Expect(page.Locator("#brand-name")).Not.ToHaveTextAsync("Loading a brand…");
        var text = $"Decent value, delivery was on time. {Guid.NewGuid():n}";
        await Assertions.Expect(page.Locator("#submit")).ToBeDisabledAsync();
        await page.FillAsync("#review-text", text);
        await page.Locator("label[for=star-4]").ClickAsync();
        var randomBrandCalls = requests.Count(r => r.Contains("/api/brands/random"));
        await page.Locator("#submit").DblClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Thank you");
        await Assertions.Expect(page.Locator("#review-text")).ToHaveValueAsync("");
        Assert.True(requests.Count(r => r.Contains("/api/brands/random")) > randomBrandCalls);

        var stored = await AdminReviews();
        var mine = stored.Where(r => r.GetProperty("text").GetString() == text).ToList();
        Assert.Single(mine);
        Assert.Equal(4, mine[0].GetProperty("rating").GetInt32());
        AssertSameOrigin(requests);
    }

    [Fact]
    public async Task Error_states_keep_the_typed_text()
    {
        var (page, _) = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl);
        var answers = new Queue<Func<IRoute, Task>>(
        [
            route => route.AbortAsync("connectionrefused"),
            route => route.FulfillAsync(new() { Status = 429, Headers = new Dictionary<string, string> { ["Retry-After"] = "7" }, ContentType = "application/problem+json", Body = "{\"status\":429}" }),
            route => route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json", Body = "{\"status\":503,\"detail\":\"no model\"}" }),
        ]);
        await page.RouteAsync("**/api/predict", route => answers.Count > 0 ? answers.Dequeue()(route) : route.ContinueAsync());
        string[] expected = ["cannot be reached", "wait 7 s", "model is unavailable"];
        for (var i = 0; i < expected.Length; i++)
        {
            var typed = $"Still typing my review, attempt {i}";
            await page.FillAsync("#review-text", typed);
            await Assertions.Expect(page.Locator("#status")).ToContainTextAsync(expected[i]);
            await Assertions.Expect(page.Locator("#review-text")).ToHaveValueAsync(typed);
        }
    }

    private async Task<List<JsonElement>> AdminReviews()
    {
        var request = app.Api.Admin(HttpMethod.Get, "/api/admin/reviews?limit=100");
        var response = await app.Api.Client.SendAsync(request);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
    }

    private static async Task WaitForGauge(IPage page, string text) =>
        await page.WaitForFunctionAsync("t => document.getElementById('gauge').dataset.text === t && document.getElementById('gauge').dataset.score !== ''", text);

    private static async Task<double> Score(IPage page) => double.Parse((await page.GetAttributeAsync("#gauge", "data-score"))!, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<int> CheckedStars(IPage page) => await page.EvaluateAsync<int>("() => Number(document.querySelector('input[name=rating]:checked')?.value ?? 0)");

    internal static async Task Screenshots(IPage page, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-phone.png"), FullPage = true });
        Assert.True(new FileInfo(Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-phone.png")).Length > 1000);
    }

    internal void AssertSameOrigin(List<string> requests)
    {
        lock (requests)
        {
            Assert.NotEmpty(requests);
            Assert.All(requests, url => Assert.StartsWith(app.BaseUrl, url));
        }
    }
}
