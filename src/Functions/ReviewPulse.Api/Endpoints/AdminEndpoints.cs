using Microsoft.Extensions.Options;
using ReviewPulse.Api.Configuration;
using ReviewPulse.Api.Security;
using ReviewPulse.Core.Reviews;

namespace ReviewPulse.Api.Endpoints;

/// <summary>Moderation: list (newest first, signed cursors, brand filter), delete, stats. Bearer token required.</summary>
public static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").AddEndpointFilter<AdminTokenFilter>().ProducesProblem(401);
        group.MapGet("/reviews", List).Produces<ReviewPage>().ProducesProblem(400);
        group.MapDelete("/reviews/{id}", Delete).Produces(204).ProducesProblem(404);
        group.MapGet("/stats", async (IReviewStore store, CancellationToken ct) => TypedResults.Ok(await store.GetStatsAsync(ct))).Produces<ReviewStats>();
    }

    private static async Task<IResult> List(string? cursor, int? limit, string? brandId, IReviewStore store, Signer signer,
        IOptions<ReviewPulseOptions> options, CancellationToken ct)
    {
        if (Validation.Limit(limit, options.Value.Limits.MaxPageSize) is { } problem)
        {
            return problem;
        }
        var purpose = $"reviews|{brandId}";
        string? after = null;
        if (!string.IsNullOrEmpty(cursor) && (after = signer.ReadCursor(purpose, cursor)) is null)
        {
            return Problems.BadRequest("'cursor' is not valid for this list: pass back the nextCursor of a previous page unchanged.");
        }
        var page = await store.ListReviewsAsync(after, limit ?? 25, string.IsNullOrEmpty(brandId) ? null : brandId, ct);
        return TypedResults.Ok(new ReviewPage([.. page.Items.Select(ReviewEndpoints.ToResponse)], page.Next is null ? null : signer.SignCursor(purpose, page.Next)));
    }

    private static async Task<IResult> Delete(string id, IReviewStore store, CancellationToken ct) =>
        await store.DeleteReviewAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound($"Review '{id}' does not exist.");
}
