using Microsoft.Extensions.Options;
using ReviewPulse.Api.Configuration;
using ReviewPulse.Api.Modeling;
using ReviewPulse.Api.Security;
using ReviewPulse.Core.Reviews;
using ReviewPulse.Core.Sentiment;

namespace ReviewPulse.Api.Endpoints;

/// <summary>POST /api/reviews: idempotent on submissionId; the server scores the text itself.</summary>
public static class ReviewEndpoints
{
    public static void MapReviews(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/reviews", Submit)
            .RequireRateLimiting(RateLimits.Submit)
            .WithTags("Reviews")
            .WithSummary("Submit a review; a retry with the same submissionId returns the stored one (200)")
            .Produces<ReviewResponse>(201).Produces<ReviewResponse>(200)
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(429);

    internal static ReviewResponse ToResponse(VisitorReview r) => new(r.Id, r.BrandId, r.Text, r.Rating, r.SubmissionId, r.CreatedAt, r.Model);

    private static async Task<IResult> Submit(SubmitReviewRequest? request, HttpContext http, IReviewStore store, ModelProvider models,
        Signer signer, TimeProvider clock, IOptions<ReviewPulseOptions> options, CancellationToken ct)
    {
        if (request is null)
        {
            return Problems.BadRequest("A JSON body {brandId, text, rating, submissionId} is required.");
        }
        var invalid = Validation.Text(request.Text, options.Value.Limits.MaxTextLength)
            ?? Validation.SubmissionId(request.SubmissionId)
            ?? (request.Rating is null or < 1 or > 5 ? Problems.BadRequest("'rating' must be a whole number from 1 to 5.") : null)
            ?? (string.IsNullOrWhiteSpace(request.BrandId) ? Problems.BadRequest("'brandId' is required.") : null);
        if (invalid is not null)
        {
            return invalid;
        }
        var text = request.Text!.Trim();
        var review = new VisitorReview(Guid.CreateVersion7().ToString("n"), request.BrandId!, text, request.Rating!.Value, request.SubmissionId!,
            clock.GetUtcNow(), Score(models, text), signer.ClientKey(http.Connection.RemoteIpAddress?.ToString() ?? "unknown"));
        SubmitResult result;
        try
        {
            result = await store.SubmitReviewAsync(review, ct);
        }
        catch (KeyNotFoundException)
        {
            return Problems.BadRequest($"'brandId' '{request.BrandId}' is not a known brand.");
        }
        if (result.Created)
        {
            return TypedResults.Created($"/api/admin/reviews/{result.Review.Id}", ToResponse(result.Review));
        }
        var stored = result.Review;
        return stored.BrandId == review.BrandId && stored.Text == review.Text && stored.Rating == review.Rating
            ? TypedResults.Ok(ToResponse(stored))
            : Problems.Conflict($"submissionId '{review.SubmissionId}' was already used for a different review.");
    }

    private static ModelOpinion? Score(ModelProvider models, string text)
    {
        if (models.Current is not { } model)
        {
            return null;
        }
        var p = model.Predict(text);
        return new ModelOpinion(p.Label.ToName(), p.Negative, p.Neutral, p.Positive, p.Score, p.SuggestedRating, model.Manifest.Version);
    }
}
