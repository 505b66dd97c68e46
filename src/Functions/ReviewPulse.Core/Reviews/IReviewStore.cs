namespace ReviewPulse.Core.Reviews;

/// <summary>Persistence of brands and visitor reviews; SQLite locally, DynamoDB in AWS (one contract test suite).</summary>
public interface IReviewStore
{
    /// <summary>Creates tables or checks they exist; safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken ct);

    /// <summary>True when the store answers (for /ready).</summary>
    Task<bool> PingAsync(CancellationToken ct);

    /// <summary>Adds brands that are not stored yet; returns how many were new.</summary>
    Task<int> AddBrandsAsync(IReadOnlyList<Brand> brands, CancellationToken ct);

    Task<Brand?> GetBrandAsync(string id, CancellationToken ct);

    Task<BrandSummary?> GetBrandSummaryAsync(string id, CancellationToken ct);

    /// <summary>Brands ordered by id, from the store position <paramref name="after"/>.</summary>
    Task<Page<Brand>> ListBrandsAsync(string? after, int limit, CancellationToken ct);

    /// <summary>A uniformly chosen brand, or null when there are none.</summary>
    Task<Brand?> RandomBrandAsync(CancellationToken ct);

    /// <summary>Stores the review unless one with the same submission id exists, in which case that one is returned.</summary>
    Task<SubmitResult> SubmitReviewAsync(VisitorReview review, CancellationToken ct);

    /// <summary>Visitor reviews, newest first, optionally of one brand.</summary>
    Task<Page<VisitorReview>> ListReviewsAsync(string? after, int limit, string? brandId, CancellationToken ct);

    /// <summary>Deletes a review; false when it did not exist.</summary>
    Task<bool> DeleteReviewAsync(string id, CancellationToken ct);

    Task<ReviewStats> GetStatsAsync(CancellationToken ct);
}
