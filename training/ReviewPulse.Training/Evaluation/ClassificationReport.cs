using ReviewPulse.Core.Sentiment;

namespace ReviewPulse.Training.Evaluation;

/// <summary>Per-class precision, recall and F1.</summary>
internal sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, long Support);

/// <summary>
/// Classification and rating figures for one set of predictions. "Balanced" figures reweight each true class to the
/// same size — the expectation of a class-balanced resample — so scarce neutral reviews count as much as the rest.
/// </summary>
internal sealed record ClassificationReport(
    long Count,
    double Accuracy,
    double MacroF1,
    double BalancedAccuracy,
    double BalancedMacroF1,
    IReadOnlyList<ClassMetrics> PerClass,
    IReadOnlyList<ClassMetrics> PerClassBalanced,
    long[][] Confusion,
    double ExactStarAccuracy,
    double WithinOneStarAccuracy)
{
    /// <summary>Builds the report from true stars and predicted probabilities [n × 3].</summary>
    public static ClassificationReport Create(IReadOnlyList<int> stars, ReadOnlySpan<float> probabilities, RatingScale scale)
    {
        var confusion = new long[3][];
        for (var i = 0; i < 3; i++)
        {
            confusion[i] = new long[3];
        }
        long exact = 0, withinOne = 0;
        for (var i = 0; i < stars.Count; i++)
        {
            var p = probabilities.Slice(i * 3, 3);
            var predicted = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            confusion[(int)SentimentLabels.FromStars(stars[i])][predicted]++;
            var rating = scale.SuggestedRating(RatingScale.Score(p));
            exact += rating == stars[i] ? 1 : 0;
            withinOne += Math.Abs(rating - stars[i]) <= 1 ? 1 : 0;
        }
        var n = Math.Max(1, stars.Count);
        var plain = PerClassMetrics(confusion.Select(r => r.Select(v => (double)v).ToArray()).ToArray(), confusion);
        var balancedMatrix = confusion.Select(r => r.Sum() is var total and > 0 ? r.Select(v => (double)v / total).ToArray() : new double[3]).ToArray();
        var balanced = PerClassMetrics(balancedMatrix, confusion);
        var present = Enumerable.Range(0, 3).Where(c => confusion[c].Sum() > 0).ToList();
        return new ClassificationReport(
            stars.Count,
            (double)Enumerable.Range(0, 3).Sum(c => confusion[c][c]) / n,
            plain.Average(m => m.F1),
            present.Count == 0 ? 0 : present.Average(c => balanced[c].Recall),
            balanced.Average(m => m.F1),
            plain,
            balanced,
            confusion,
            (double)exact / n,
            (double)withinOne / n);
    }

    private static ClassMetrics[] PerClassMetrics(double[][] m, long[][] counts) =>
    [
        .. Enumerable.Range(0, 3).Select(c =>
        {
            var tp = m[c][c];
            var predicted = m.Sum(row => row[c]);
            var actual = m[c].Sum();
            var precision = predicted > 0 ? tp / predicted : 0;
            var recall = actual > 0 ? tp / actual : 0;
            var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
            return new ClassMetrics(SentimentLabels.Names[c], precision, recall, f1, counts[c].Sum());
        }),
    ];
}
