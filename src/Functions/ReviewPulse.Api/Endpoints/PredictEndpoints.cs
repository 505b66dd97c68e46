using Microsoft.Extensions.Options;
using ReviewPulse.Api.Configuration;
using ReviewPulse.Api.Modeling;
using ReviewPulse.Core.Sentiment;

namespace ReviewPulse.Api.Endpoints;

/// <summary>POST /api/predict: scores text while the visitor types.</summary>
public static class PredictEndpoints
{
    public static void MapPredict(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/predict", Predict)
            .RequireRateLimiting(RateLimits.Predict)
            .WithSummary("Sentiment, score and suggested rating of a text")
            .Produces<PredictResponse>()
            .ProducesProblem(400).ProducesProblem(429).ProducesProblem(503);

    internal static IResult Predict(PredictRequest? request, ModelProvider models, IOptions<ReviewPulseOptions> options)
    {
        if (Validation.Text(request?.Text, options.Value.Limits.MaxTextLength) is { } problem)
        {
            return problem;
        }
        if (models.Current is not { } model)
        {
            return Problems.Unavailable($"The sentiment model is not available: {models.Error}");
        }
        var p = model.Predict(request!.Text!);
        return TypedResults.Ok(new PredictResponse(p.Label.ToName(), new ClassProbabilities(p.Negative, p.Neutral, p.Positive),
            p.Score, p.SuggestedRating, model.Manifest.Version));
    }
}
