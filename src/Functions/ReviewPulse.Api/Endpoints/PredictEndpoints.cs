using Microsoft.Extensions.Options;
using ReviewPulse.Api.Configuration;
using ReviewPulse.Api.Modeling;
using ReviewPulse.Core.Sentiment;

namespace ReviewPulse.Api.Endpoints;

/// <summary>POST /api/predict: scores text while the visitor types.</summary>
public static class PredictEndpoints
{
    /// <summary>Longest text, in words, whose word contributions are computed (one model call scores all occlusions).</summary>
    public const int MaxExplainedWords = 200;

    public static void MapPredict(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/predict", Predict)
            .RequireRateLimiting(RateLimits.Predict)
            .WithSummary("Sentiment, score and suggested rating of a text")
            .Produces<PredictResponse>()
            .ProducesProblem(400).ProducesProblem(429).ProducesProblem(503);
        app.MapPost("/api/explain", Explain)
            .RequireRateLimiting(RateLimits.Predict)
            .WithSummary("How much each word moved the score: the drop in the score's log-odds when that word is left out")
            .Produces<ExplainResponse>()
            .ProducesProblem(400).ProducesProblem(429).ProducesProblem(503);
    }

    internal static IResult Explain(PredictRequest? request, ModelProvider models, IOptions<ReviewPulseOptions> options)
    {
        if (Validation.Text(request?.Text, options.Value.Limits.MaxTextLength) is { } problem)
        {
            return problem;
        }
        if (models.Current is not { } model)
        {
            return Problems.Unavailable($"The sentiment model is not available: {models.Error}");
        }
        var text = request!.Text!;
        var words = WordSpans(text).Take(MaxExplainedWords).ToList();
        var variants = new List<string>(words.Count + 1) { text };
        variants.AddRange(words.Select(w => string.Concat(text.AsSpan(0, w.Start), " ", text.AsSpan(w.Start + w.Length))));
        var scores = model.PredictBatch(variants);
        var full = scores[0];
        return TypedResults.Ok(new ExplainResponse(full.Score, model.Manifest.Version,
            [.. words.Select((w, i) => new WordContribution(w.Start, w.Length, LogOdds(full.Score) - LogOdds(scores[i + 1].Score)))]));
    }

    /// <summary>Contributions are measured in log-odds of the score: on a confident text (score 0.9998) the score itself
    /// barely moves when a word is left out, while its log-odds still show which words carry it.</summary>
    private static float LogOdds(float score)
    {
        var s = Math.Clamp(score, 1e-6f, 1 - 1e-6f);
        return MathF.Log(s / (1 - s));
    }

    /// <summary>Runs of letters, digits and apostrophes: the units a visitor reads as words.</summary>
    internal static IEnumerable<(int Start, int Length)> WordSpans(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\''))
            {
                i++;
            }
            if (i > start)
            {
                yield return (start, i - start);
            }
        }
    }

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
