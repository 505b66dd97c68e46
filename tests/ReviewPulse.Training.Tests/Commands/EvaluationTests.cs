using ReviewPulse.Core.Sentiment;
using ReviewPulse.Training.Evaluation;
using ReviewPulse.Training.Tests.Support;

namespace ReviewPulse.Training.Tests.Commands;

public sealed class EvaluationTests
{
    [Fact]
    public void Report_figures_match_a_hand_computed_example()
    {
        // true: neg, neg, neu, pos, pos, pos; predicted: neg, pos, neu, pos, pos, neg
        int[] stars = [1, 2, 3, 5, 4, 5];
        float[] p =
        [
            .8f, .1f, .1f, .2f, .1f, .7f, .1f, .8f, .1f,
            .0f, .1f, .9f, .1f, .1f, .8f, .6f, .2f, .2f,
        ];
        var r = ClassificationReport.Create(stars, p, RatingScale.Uniform);
        Assert.Equal([[1L, 0, 1], [0L, 1, 0], [1L, 0, 2]], r.Confusion);
        Assert.Equal(4.0 / 6, r.Accuracy, 6);
        Assert.Equal(0.5, r.PerClass[0].Precision, 6);
        Assert.Equal(0.5, r.PerClass[0].Recall, 6);
        Assert.Equal(1.0, r.PerClass[1].F1, 6);
        Assert.Equal(2.0 / 3, r.PerClass[2].Precision, 6);
        Assert.Equal((0.5 + 1 + 2.0 / 3) / 3, r.MacroF1, 6);
        Assert.Equal((0.5 + 1 + 2.0 / 3) / 3, r.BalancedAccuracy, 6);
        // Balanced: rows scaled to 1 → neg [.5 0 .5], neu [0 1 0], pos [1/3 0 2/3]; precision(neg) = .5/(.5+1/3)
        Assert.Equal(0.5 / (0.5 + 1.0 / 3), r.PerClassBalanced[0].Precision, 6);
        // Ratings from score p_pos + p_neu/2 with uniform cut points: 1, 4, 3, 5, 5, 2 vs stars 1, 2, 3, 5, 4, 5
        Assert.Equal(3.0 / 6, r.ExactStarAccuracy, 6);
        Assert.Equal(4.0 / 6, r.WithinOneStarAccuracy, 6);
    }

    [Fact]
    public void Confusion_image_is_svg_with_every_count()
    {
        var svg = ConfusionMatrixImage.Svg([[11, 12, 13], [21, 22, 23], [31, 32, 33]], "a <title>");
        Assert.StartsWith("<svg", svg);
        Assert.Contains("a &lt;title&gt;", svg);
        foreach (var n in new[] { 11, 12, 13, 21, 22, 23, 31, 32, 33 })
        {
            Assert.Contains($">{n}<", svg);
        }
    }

    [Fact]
    public void Baseline_trains_on_the_split_and_reports()
    {
        using var temp = new TempDirectory();
        var data = TinyPresets.Dataset(temp);
        var report = TfidfBaseline.Run(data, temp.File("baseline"), null);
        Assert.True(report.MacroF1 > 0.6, $"baseline macro-F1 {report.MacroF1}");
        Assert.True(File.Exists(temp.File("baseline.json")));
    }
}
