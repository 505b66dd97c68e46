namespace ReviewPulse.Core.Reviews;

/// <summary>A review written on ReviewPulse: the visitor's own rating beside what the model suggested (null when no model was loaded).</summary>
public sealed record VisitorReview(
    string Id,
    string BrandId,
    string Text,
    int Rating,
    string SubmissionId,
    DateTimeOffset CreatedAt,
    ModelOpinion? Model,
    string ClientKey);

/// <summary>The server's own scoring of a review at submission time, and the model version that made it.</summary>
public sealed record ModelOpinion(string Label, float Negative, float Neutral, float Positive, float Score, int SuggestedRating, string ModelVersion);

/// <summary>One page of results and the store's opaque position for the next (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>Whether an idempotent insert stored a new review or found the one already stored for its submission.</summary>
public sealed record SubmitResult(VisitorReview Review, bool Created);

/// <summary>Volumes and agreement between visitors and the model, for the admin page.</summary>
/// <param name="RatingVsSuggestion">[visitor rating − 1][suggested rating − 1] counts.</param>
public sealed record ReviewStats(long Total, long[] ByRating, long[][] RatingVsSuggestion, IReadOnlyList<DailyCount> PerDay);

/// <summary>Reviews created on one UTC day.</summary>
public sealed record DailyCount(string Day, long Count);
