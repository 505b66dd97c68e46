using Microsoft.Extensions.Options;
using ReviewPulse.Api.Configuration;
using ReviewPulse.Api.Security;
using ReviewPulse.Core.Reviews;

namespace ReviewPulse.Api.Endpoints;

/// <summary>Brands to review: a random one, pages of all, one with its summary.</summary>
public static class BrandEndpoints
{
    private const string CursorPurpose = "brands";

    public static void MapBrands(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/brands").WithTags("Brands");
        group.MapGet("/random", Random).Produces<BrandResponse>().ProducesProblem(404);
        group.MapGet("/", List).Produces<BrandPage>().ProducesProblem(400);
        group.MapGet("/{id}", Get).Produces<BrandResponse>().ProducesProblem(404);
    }

    internal static BrandResponse ToResponse(Brand b, BrandSummary? summary = null) =>
        new(b.Id, b.Name, b.Category, b.Website, b.LogoUrl, Monogram(b.Name), summary?.ReviewCount, summary?.MeanRating);

    private static async Task<IResult> Random(IReviewStore store, CancellationToken ct) =>
        await store.RandomBrandAsync(ct) is { } brand ? TypedResults.Ok(ToResponse(brand)) : Problems.NotFound("There are no brands yet.");

    private static async Task<IResult> List(string? cursor, int? limit, IReviewStore store, Signer signer, IOptions<ReviewPulseOptions> options, CancellationToken ct)
    {
        if (Validation.Limit(limit, options.Value.Limits.MaxPageSize) is { } problem)
        {
            return problem;
        }
        string? after = null;
        if (!string.IsNullOrEmpty(cursor) && (after = signer.ReadCursor(CursorPurpose, cursor)) is null)
        {
            return Problems.BadRequest("'cursor' is not valid: pass back the nextCursor of a previous page unchanged.");
        }
        var page = await store.ListBrandsAsync(after, limit ?? 20, ct);
        return TypedResults.Ok(new BrandPage([.. page.Items.Select(b => ToResponse(b))], page.Next is null ? null : signer.SignCursor(CursorPurpose, page.Next)));
    }

    private static async Task<IResult> Get(string id, IReviewStore store, CancellationToken ct) =>
        await store.GetBrandSummaryAsync(id, ct) is { } summary
            ? TypedResults.Ok(ToResponse(summary.Brand, summary))
            : Problems.NotFound($"Brand '{id}' does not exist.");

    /// <summary>Up to two initials for the generated logo (no logo is ever fetched from the internet).</summary>
    internal static string Monogram(string name)
    {
        var words = name.Split([' ', '-', '.', '&'], StringSplitOptions.RemoveEmptyEntries);
        var letters = words.Length >= 2 ? $"{words[0][0]}{words[1][0]}" : name.Length > 0 ? name[..Math.Min(2, name.Length)] : "?";
        return letters.ToUpperInvariant();
    }
}
