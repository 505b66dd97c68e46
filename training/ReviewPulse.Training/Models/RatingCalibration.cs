using ReviewPulse.Core.Sentiment;

namespace ReviewPulse.Training.Models;

/// <summary>Chooses star cut points so suggested ratings follow the validation set's star distribution (quantile matching).</summary>
internal static class RatingCalibration
{
    public static RatingScale Fit(IReadOnlyList<int> stars, ReadOnlySpan<float> probabilities)
    {
        var scores = new float[stars.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = RatingScale.Score(probabilities.Slice(i * 3, 3));
        }
        Array.Sort(scores);
        var thresholds = new float[4];
        var cumulative = 0;
        for (var s = 1; s <= 4; s++)
        {
            cumulative += stars.Count(x => x == s);
            var index = Math.Clamp(cumulative, 0, scores.Length - 1);
            thresholds[s - 1] = MathF.Round(scores.Length == 0 ? s / 5f : scores[index], 4);
            if (s > 1)
            {
                thresholds[s - 1] = Math.Max(thresholds[s - 1], thresholds[s - 2]);
            }
        }
        return new RatingScale(thresholds);
    }
}
