using ReviewPulse.Core.Crawling;

namespace ReviewPulse.Storage.Tests;

/// <summary>What every <see cref="ICrawlStore"/> must do; run against SQLite and DynamoDB (moto).</summary>
public abstract class CrawlStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<ICrawlStore> CreateStoreAsync();

    [Fact]
    public async Task Reviews_are_stored_once_per_id_and_exported()
    {
        var store = await CreateStoreAsync();
        CollectedReview[] first = [Review("a", "acme.com", 5), Review("b", "acme.com", 1), Review("c", "other.com", 3, language: null)];
        Assert.Equal(3, await store.AddCollectedReviewsAsync(first, None));
        Assert.Equal(1, await store.AddCollectedReviewsAsync([Review("a", "acme.com", 5), Review("d", "acme.com", 4)], None));
        var exported = new List<CollectedReview>();
        await foreach (var r in store.ExportCollectedAsync(None))
        {
            exported.Add(r);
        }
        Assert.Equal(["a", "b", "c", "d"], exported.Select(r => r.Id).Order());
        Assert.Equal(first[0], exported.Single(r => r.Id == "a"));
        Assert.Null(exported.Single(r => r.Id == "c").Language);
    }

    [Fact]
    public async Task Crawl_state_saves_optimistically()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.GetCrawlStateAsync("acme.com", None));
        var fresh = new CrawlState("acme.com", CrawlState.InProgress, 3, null, Now, 0, null, Now);
        var saved = await store.SaveCrawlStateAsync(fresh, None);
        Assert.Equal(1, saved!.Version);
        Assert.Null(await store.SaveCrawlStateAsync(fresh, None)); // a second "new" save conflicts
        var read = await store.GetCrawlStateAsync("acme.com", None);
        Assert.Equal(saved, read);
        var done = await store.SaveCrawlStateAsync(read! with { Status = CrawlState.UpToDate, NewestSeen = Now, LastError = "x", Failures = 2 }, None);
        Assert.Equal(2, done!.Version);
        Assert.Null(await store.SaveCrawlStateAsync(read!, None)); // stale version
        Assert.Equal(CrawlState.UpToDate, (await store.GetCrawlStateAsync("acme.com", None))!.Status);
    }

    [Fact]
    public async Task Only_one_owner_holds_the_lease_until_it_expires_or_is_released()
    {
        var store = await CreateStoreAsync();
        var minute = TimeSpan.FromMinutes(1);
        Assert.True(await store.TryAcquireLeaseAsync("run-1", Now, minute, None));
        Assert.False(await store.TryAcquireLeaseAsync("run-2", Now.AddSeconds(30), minute, None));
        Assert.True(await store.TryAcquireLeaseAsync("run-1", Now.AddSeconds(30), minute, None)); // renewal
        Assert.True(await store.TryAcquireLeaseAsync("run-2", Now.AddMinutes(2), minute, None)); // run-1's lease expired
        await store.ReleaseLeaseAsync("run-1", None); // not the holder: no effect
        Assert.False(await store.TryAcquireLeaseAsync("run-3", Now.AddMinutes(2).AddSeconds(1), minute, None));
        await store.ReleaseLeaseAsync("run-2", None);
        Assert.True(await store.TryAcquireLeaseAsync("run-3", Now.AddMinutes(2).AddSeconds(2), minute, None));
    }

    private static CollectedReview Review(string id, string brand, int rating, string? language = "en") =>
        new(id, brand, rating, $"title {id}", $"text of {id}, with \"quotes\"", language, Now.AddMinutes(-rating));
}

public sealed class SqliteCrawlStoreTests : CrawlStoreContract, IDisposable
{
    private readonly TempDirectory _temp = new();

    protected override async Task<ICrawlStore> CreateStoreAsync()
    {
        var store = new Sqlite.SqliteCrawlStore(Path.Combine(_temp.Path, $"{Guid.NewGuid():n}.db"));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}

public sealed class DynamoDbCrawlStoreTests(MotoServer moto) : CrawlStoreContract, IClassFixture<MotoServer>
{
    protected override async Task<ICrawlStore> CreateStoreAsync()
    {
        var store = new DynamoDb.DynamoDbCrawlStore(DynamoDbReviewStoreTests.Client(moto), $"crawl-{Guid.NewGuid():n}", createTableIfMissing: true);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
