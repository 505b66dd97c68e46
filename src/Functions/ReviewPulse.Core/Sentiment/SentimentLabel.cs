namespace ReviewPulse.Core.Sentiment;

/// <summary>The three sentiment classes, in the order every model outputs them.</summary>
public enum SentimentLabel
{
    Negative = 0,
    Neutral = 1,
    Positive = 2,
}

/// <summary>Maps between star ratings and sentiment labels (1–2★ negative, 3★ neutral, 4–5★ positive).</summary>
public static class SentimentLabels
{
    /// <summary>Number of classes a model predicts.</summary>
    public const int Count = 3;

    /// <summary>Lower-case names in output order, as written in manifests and CSV files.</summary>
    public static IReadOnlyList<string> Names { get; } = ["negative", "neutral", "positive"];

    public static SentimentLabel FromStars(int stars) => stars switch
    {
        1 or 2 => SentimentLabel.Negative,
        3 => SentimentLabel.Neutral,
        4 or 5 => SentimentLabel.Positive,
        _ => throw new ArgumentOutOfRangeException(nameof(stars), stars, "Stars must be between 1 and 5."),
    };

    public static string ToName(this SentimentLabel label) => Names[(int)label];
}
