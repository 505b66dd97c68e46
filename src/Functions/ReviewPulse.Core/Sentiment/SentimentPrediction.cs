namespace ReviewPulse.Core.Sentiment;

/// <summary>What a model says about one text.</summary>
public sealed record SentimentPrediction(
    SentimentLabel Label,
    float Negative,
    float Neutral,
    float Positive,
    float Score,
    int SuggestedRating);
