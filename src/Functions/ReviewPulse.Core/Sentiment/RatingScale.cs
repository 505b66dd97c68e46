namespace ReviewPulse.Core.Sentiment;

/// <summary>Turns class probabilities into a 0–1 score and a suggested 1–5 star rating.</summary>
/// <param name="StarThresholds">Four ascending score cut points: below the first is 1★, at or above the last is 5★.</param>
public sealed record RatingScale(IReadOnlyList<float> StarThresholds)
{
    /// <summary>Evenly spaced cut points, used until a model calibrates its own on validation data.</summary>
    public static RatingScale Uniform { get; } = new([0.2f, 0.4f, 0.6f, 0.8f]);

    /// <summary>Expected sentiment: P(positive) + ½·P(neutral), so a sure neutral scores 0.5.</summary>
    public static float Score(ReadOnlySpan<float> probabilities) => probabilities[2] + 0.5f * probabilities[1];

    public int SuggestedRating(float score)
    {
        var stars = 1;
        foreach (var threshold in StarThresholds)
        {
            if (score >= threshold)
            {
                stars++;
            }
        }
        return stars;
    }

    /// <summary>Throws when the cut points are not four ascending values inside [0, 1].</summary>
    public void Validate()
    {
        if (StarThresholds.Count != 4)
        {
            throw new InvalidDataException($"A rating scale needs 4 star thresholds, got {StarThresholds.Count}.");
        }
        for (var i = 0; i < 4; i++)
        {
            var t = StarThresholds[i];
            if (!(t >= 0 && t <= 1) || (i > 0 && t < StarThresholds[i - 1]))
            {
                throw new InvalidDataException("Star thresholds must be ascending values between 0 and 1.");
            }
        }
    }
}
