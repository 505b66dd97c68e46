using ReviewPulse.Api.Modeling;
using ReviewPulse.Core.Reviews;

namespace ReviewPulse.Api.Endpoints;

/// <summary>/health (the process answers) and /ready (store reachable and model loaded).</summary>
public static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new HealthResponse("ok"))).WithTags("Health");
        app.MapGet("/ready", Ready).WithTags("Health").Produces<HealthResponse>().ProducesProblem(503);
    }

    private static async Task<IResult> Ready(IReviewStore store, ModelProvider models, CancellationToken ct)
    {
        var storeOk = await store.PingAsync(ct);
        var model = models.Current;
        if (storeOk && model is not null)
        {
            return TypedResults.Ok(new HealthResponse("ready", model.Manifest.Version, models.Error, true));
        }
        var reasons = new List<string>();
        if (!storeOk)
        {
            reasons.Add("the store does not answer");
        }
        if (model is null)
        {
            reasons.Add($"no model is loaded ({models.Error})");
        }
        return Problems.Unavailable($"Not ready: {string.Join("; ", reasons)}.");
    }
}
