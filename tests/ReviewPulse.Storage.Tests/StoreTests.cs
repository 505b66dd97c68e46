using Amazon.DynamoDBv2;
using ReviewPulse.Core.Reviews;
using ReviewPulse.Storage.DynamoDb;
using ReviewPulse.Storage.Sqlite;

namespace ReviewPulse.Storage.Tests;

public sealed class SqliteReviewStoreTests : ReviewStoreContract, IDisposable
{
    private readonly TempDirectory _temp = new();

    protected override async Task<IReviewStore> CreateStoreAsync()
    {
        var store = new SqliteReviewStore(Path.Combine(_temp.Path, "nested", $"{Guid.NewGuid():n}.db"));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}

public sealed class DynamoDbReviewStoreTests(MotoServer moto) : ReviewStoreContract, IClassFixture<MotoServer>
{
    protected override async Task<IReviewStore> CreateStoreAsync()
    {
        var store = new DynamoDbReviewStore(Client(moto), $"reviews-{Guid.NewGuid():n}", createTableIfMissing: true);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    [Fact]
    public async Task A_forged_page_token_is_refused()
    {
        var store = await CreateStoreAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListBrandsAsync("not-base64!", 5, CancellationToken.None));
    }

    internal static AmazonDynamoDBClient Client(MotoServer moto) => new(new AmazonDynamoDBConfig
    {
        ServiceURL = moto.Endpoint,
        AuthenticationRegion = "us-east-1",
    });
}
