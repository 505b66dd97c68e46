namespace ReviewPulse.Core.Crawling;

/// <summary>A review collected from Trustpilot, as stored: text and rating, never the reviewer.</summary>
public sealed record CollectedReview(string Id, string BrandId, int Rating, string Title, string Text, string? Language, DateTimeOffset PublishedAt);

/// <summary>How far the crawler got with one business; <see cref="Version"/> makes saves optimistic (0 = never saved).</summary>
public sealed record CrawlState(
    string BrandId,
    string Status,
    int NextPage,
    DateTimeOffset? NewestSeen,
    DateTimeOffset? CrawlNewestSeen,
    int Failures,
    string? LastError,
    DateTimeOffset UpdatedAt,
    long Version = 0)
{
    public const string Pending = "pending";
    public const string InProgress = "in-progress";
    public const string UpToDate = "up-to-date";
    public const string Blocked = "blocked";
    public const string NotFound = "not-found";
    public const string Failing = "failing";
}

/// <summary>The crawler's persistence: collected reviews (idempotent on id), per-business state, and a run lease.</summary>
public interface ICrawlStore
{
    Task InitializeAsync(CancellationToken ct);

    /// <summary>Stores reviews not stored yet; returns how many were new (the rest are duplicates).</summary>
    Task<int> AddCollectedReviewsAsync(IReadOnlyList<CollectedReview> reviews, CancellationToken ct);

    Task<CrawlState?> GetCrawlStateAsync(string brandId, CancellationToken ct);

    /// <summary>Saves if nobody saved since <paramref name="state"/> was read; returns the stored state, or null on conflict.</summary>
    Task<CrawlState?> SaveCrawlStateAsync(CrawlState state, CancellationToken ct);

    /// <summary>Takes the single crawler lease unless another owner holds an unexpired one.</summary>
    Task<bool> TryAcquireLeaseAsync(string owner, DateTimeOffset now, TimeSpan duration, CancellationToken ct);

    Task ReleaseLeaseAsync(string owner, CancellationToken ct);

    /// <summary>Every collected review, for building a training set.</summary>
    IAsyncEnumerable<CollectedReview> ExportCollectedAsync(CancellationToken ct);
}
