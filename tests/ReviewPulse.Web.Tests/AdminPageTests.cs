using Microsoft.Playwright;
using ReviewPulse.Api.Tests;

namespace ReviewPulse.Web.Tests;

[Collection(BrowserGroup.Name)]
public sealed class AdminPageTests(BrowserFixture app)
{
    [Fact]
    public async Task Admin_needs_the_token_pages_through_every_review_and_deletes()
    {
        var marker = Guid.NewGuid().ToString("n")[..8];
        for (var i = 0; i < 23; i++)
        {
            (await app.Api.SubmitAsync("lidl.com", $"Review {marker} number {i:00}", 1 + i % 5)).EnsureSuccessStatusCode();
        }
        var (page, requests) = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "admin.html");
        await page.FillAsync("#token", "not-the-token");
        await page.ClickAsync("#signin button[type=submit]");
        await Assertions.Expect(page.Locator("#signin-status")).ToContainTextAsync("not valid");
        await Assertions.Expect(page.Locator("#dashboard")).ToBeHiddenAsync();

        await page.FillAsync("#token", ApiHost.AdminToken);
        await page.ClickAsync("#signin button[type=submit]");
        await Assertions.Expect(page.Locator("#dashboard")).ToBeVisibleAsync();
        await page.FillAsync("#brand-filter", "lidl.com");
        await page.ClickAsync("#filter button");
        var seen = new List<string>();
        while (true)
        {
            await Assertions.Expect(page.Locator("#rows tr").First).ToBeVisibleAsync();
            seen.AddRange(await page.Locator("#rows td.text").AllTextContentsAsync());
            if (await page.Locator("#next").IsDisabledAsync())
            {
                break;
            }
            var first = await page.Locator("#rows td.text").First.TextContentAsync();
            await page.ClickAsync("#next");
            await Assertions.Expect(page.Locator("#rows td.text").First).Not.ToHaveTextAsync(first!);
        }
        var mine = seen.Where(t => t.Contains(marker)).ToList();
        Assert.Equal(23, mine.Count);
        Assert.Equal(23, mine.Distinct().Count());
        await Assertions.Expect(page.Locator("#chart-agreement rect")).ToHaveCountAsync(25);

        await page.ClickAsync("#prev");
        await page.Locator("#rows tr").First.Locator("button.danger").ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("deleted");
        await VisitorPageTests.Screenshots(page, "admin");
        new VisitorPageTests(app).AssertSameOrigin(requests);
    }

    [Fact]
    public async Task Markup_in_a_review_is_shown_as_text_and_never_runs()
    {
        const string payload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script><b>bold?</b>";
        (await app.Api.SubmitAsync("lidl.com", payload, 2)).EnsureSuccessStatusCode();
        var (page, _) = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "admin.html");
        await page.FillAsync("#token", ApiHost.AdminToken);
        await page.ClickAsync("#signin button[type=submit]");
        var cell = page.Locator("#rows td.text", new() { HasText = "onerror" }).First;
        await Assertions.Expect(cell).ToHaveTextAsync(payload);
        Assert.Equal(0, await page.Locator("#rows img, #rows script, #rows b").CountAsync());
        await page.WaitForTimeoutAsync(300);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
    }
}
