using ReviewPulse.Core.Reviews;

namespace ReviewPulse.Storage.Tests;

/// <summary>The behaviour every <see cref="IReviewStore"/> must have; run against SQLite and against DynamoDB (moto).</summary>
public abstract class ReviewStoreContract
{
    private static readonly Brand[] Brands =
    [
        new("alpha.com", "Alpha", "Shopping"), new("bravo.com", "Bravo", "Travel", "https://bravo.com/logo.png"),
        new("charlie.com", "Charlie", "Food"), new("delta.com", "Delta", "Travel"), new("echo.com", "Echo", "Shopping"),
        new("foxtrot.com", "Foxtrot", "Banking"), new("golf.com", "Golf", "Sport"),
    ];

    protected abstract Task<IReviewStore> CreateStoreAsync();

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Brands_are_added_once_and_read_back()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(None); // idempotent
        Assert.True(await store.PingAsync(None));
        Assert.Equal(7, await store.AddBrandsAsync(Brands, None));
        Assert.Equal(0, await store.AddBrandsAsync(Brands[..2], None));
        Assert.Equal(Brands[1], await store.GetBrandAsync("bravo.com", None));
        Assert.Null(await store.GetBrandAsync("nobody.com", None));
        Assert.Contains(await store.RandomBrandAsync(None), Brands);
    }

    [Fact]
    public async Task Brand_pages_walk_every_brand_once_in_order()
    {
        var store = await Seeded();
        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await store.ListBrandsAsync(next, 3, None);
            seen.AddRange(page.Items.Select(b => b.Id));
            next = page.Next;
            pages++;
        }
        while (next is not null && pages < 10);
        Assert.Equal(Brands.Select(b => b.Id).Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task An_empty_store_has_no_random_brand()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.RandomBrandAsync(None));
    }

    [Fact]
    public async Task The_same_submission_twice_stores_one_review()
    {
        var store = await Seeded();
        var first = await store.SubmitReviewAsync(Review("alpha.com", "sub-1", 4), None);
        var again = await store.SubmitReviewAsync(Review("alpha.com", "sub-1", 1) with { Id = "other-id" }, None);
        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Review, again.Review);
        Assert.Single((await store.ListReviewsAsync(null, 10, null, None)).Items);
    }

    [Fact]
    public async Task Concurrent_duplicate_submissions_store_exactly_one()
    {
        var store = await Seeded();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.SubmitReviewAsync(Review("bravo.com", "same", 5) with { Id = $"r{i}" }, None)));
        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Review.Id).Distinct());
        Assert.Single((await store.ListReviewsAsync(null, 10, null, None)).Items);
        Assert.Equal(1, (await store.GetBrandSummaryAsync("bravo.com", None))!.ReviewCount);
    }

    [Fact]
    public async Task A_review_of_an_unknown_brand_is_refused_and_leaves_nothing()
    {
        var store = await Seeded();
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.SubmitReviewAsync(Review("nobody.com", "s", 3), None));
        Assert.Empty((await store.ListReviewsAsync(null, 10, null, None)).Items);
        Assert.Equal(0, (await store.GetStatsAsync(None)).Total);
        Assert.True((await store.SubmitReviewAsync(Review("alpha.com", "s", 3), None)).Created); // the submission id was not burnt
    }

    [Fact]
    public async Task Reviews_list_newest_first_page_by_page_and_by_brand()
    {
        var store = await Seeded();
        var start = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 7; i++)
        {
            await store.SubmitReviewAsync(Review(i % 2 == 0 ? "alpha.com" : "charlie.com", $"s{i}", 1 + i % 5) with { Id = $"id{i}", CreatedAt = start.AddMinutes(i) }, None);
        }
        var all = new List<VisitorReview>();
        string? next = null;
        do
        {
            var page = await store.ListReviewsAsync(next, 3, null, None);
            all.AddRange(page.Items);
            next = page.Next;
        }
        while (next is not null);
        Assert.Equal(["id6", "id5", "id4", "id3", "id2", "id1", "id0"], all.Select(r => r.Id));
        var alpha = await store.ListReviewsAsync(null, 10, "alpha.com", None);
        Assert.Equal(["id6", "id4", "id2", "id0"], alpha.Items.Select(r => r.Id));
        Assert.Equal(start.AddMinutes(6), all[0].CreatedAt);
        Assert.Equal(0.7f, all[0].Model!.Positive, 5);
    }

    [Fact]
    public async Task Summary_stats_and_delete_stay_consistent()
    {
        var store = await Seeded();
        var day = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        await store.SubmitReviewAsync(Review("delta.com", "a", 5, suggested: 4) with { Id = "a", CreatedAt = day }, None);
        await store.SubmitReviewAsync(Review("delta.com", "b", 2, suggested: 2) with { Id = "b", CreatedAt = day.AddDays(1) }, None);
        await store.SubmitReviewAsync(Review("echo.com", "c", 5, suggested: 4) with { Id = "c", CreatedAt = day.AddDays(1) }, None);
        await store.SubmitReviewAsync(Review("echo.com", "d", 3) with { Id = "d", CreatedAt = day.AddDays(1), Model = null }, None);

        var summary = (await store.GetBrandSummaryAsync("delta.com", None))!;
        Assert.Equal(2, summary.ReviewCount);
        Assert.Equal(3.5, summary.MeanRating);
        Assert.Null((await store.GetBrandSummaryAsync("golf.com", None))!.MeanRating);
        var stats = await store.GetStatsAsync(None);
        Assert.Equal(4, stats.Total);
        Assert.Equal([0L, 1, 1, 0, 2], stats.ByRating);
        Assert.Equal(2, stats.RatingVsSuggestion[4][3]);
        Assert.Equal(0, stats.RatingVsSuggestion[2].Sum()); // the review stored without a model is in no agreement cell
        Assert.Equal([new DailyCount("2026-12-01", 1), new DailyCount("2026-12-02", 3)], stats.PerDay);

        Assert.True(await store.DeleteReviewAsync("a", None));
        Assert.False(await store.DeleteReviewAsync("a", None));
        Assert.False(await store.DeleteReviewAsync("never", None));
        Assert.Equal(1, (await store.GetBrandSummaryAsync("delta.com", None))!.ReviewCount);
        stats = await store.GetStatsAsync(None);
        Assert.Equal(3, stats.Total);
        Assert.Equal(1, stats.RatingVsSuggestion[4][3]);
        Assert.Null((await store.ListReviewsAsync(null, 10, "echo.com", None)).Items.Single(r => r.Id == "d").Model);
        Assert.Equal(["b", "c", "d"], (await store.ListReviewsAsync(null, 10, null, None)).Items.Select(r => r.Id).Order());
    }

    private async Task<IReviewStore> Seeded()
    {
        var store = await CreateStoreAsync();
        await store.AddBrandsAsync(Brands, None);
        return store;
    }

    private static VisitorReview Review(string brand, string submission, int rating, int suggested = 4) => new(
        Guid.NewGuid().ToString("n"), brand, $"review text {submission} with \"quotes\" and émojis 🎉", rating, submission,
        new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero),
        new ModelOpinion("positive", 0.1f, 0.2f, 0.7f, 0.8f, suggested, "test-model"), "client-hash");
}
