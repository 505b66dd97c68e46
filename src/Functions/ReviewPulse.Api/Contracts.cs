using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using ReviewPulse.Core.Reviews;

namespace ReviewPulse.Api;

/// <summary>Body of POST /api/predict.</summary>
public sealed record PredictRequest(string? Text);

/// <summary>The model's answer for one text.</summary>
public sealed record PredictResponse(string Label, ClassProbabilities Probabilities, float Score, int SuggestedRating, string ModelVersion);

/// <summary>The score of a text and each word's contribution to it (positive: the word pushed the score up).</summary>
public sealed record ExplainResponse(float Score, string ModelVersion, IReadOnlyList<WordContribution> Words);

/// <summary>A word by its position in the text (UTF-16 offsets) and how much the score's log-odds drop without it.</summary>
public sealed record WordContribution(int Start, int Length, float Contribution);

/// <summary>Class probabilities.</summary>
public sealed record ClassProbabilities(float Negative, float Neutral, float Positive);

/// <summary>A brand as the API shows it; review figures only where asked for.</summary>
public sealed record BrandResponse(string Id, string Name, string Category, string Website, string? LogoUrl, string Monogram,
    long? ReviewCount = null, double? MeanRating = null);

/// <summary>A page of brands.</summary>
public sealed record BrandPage(IReadOnlyList<BrandResponse> Items, string? NextCursor);

/// <summary>Body of POST /api/reviews.</summary>
public sealed record SubmitReviewRequest(string? BrandId, string? Text, int? Rating, string? SubmissionId);

/// <summary>A stored visitor review (the client key is never returned).</summary>
public sealed record ReviewResponse(string Id, string BrandId, string Text, int Rating, string SubmissionId, DateTimeOffset CreatedAt, ModelOpinion? Model);

/// <summary>A page of reviews.</summary>
public sealed record ReviewPage(IReadOnlyList<ReviewResponse> Items, string? NextCursor);

/// <summary>Liveness and readiness answers.</summary>
public sealed record HealthResponse(string Status, string? Model = null, string? ModelError = null, bool? Store = null);

/// <summary>Source-generated JSON for every API type (fast cold start, trimming-safe).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PredictRequest))]
[JsonSerializable(typeof(PredictResponse))]
[JsonSerializable(typeof(ExplainResponse))]
[JsonSerializable(typeof(BrandResponse))]
[JsonSerializable(typeof(BrandPage))]
[JsonSerializable(typeof(SubmitReviewRequest))]
[JsonSerializable(typeof(ReviewResponse))]
[JsonSerializable(typeof(ReviewPage))]
[JsonSerializable(typeof(ReviewStats))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class ApiJson : JsonSerializerContext;
