using ReviewPulse.Core.Sentiment;

namespace ReviewPulse.Core.Tests;

public sealed class SentimentTests
{
    [Theory]
    [InlineData(1, SentimentLabel.Negative)]
    [InlineData(2, SentimentLabel.Negative)]
    [InlineData(3, SentimentLabel.Neutral)]
    [InlineData(4, SentimentLabel.Positive)]
    [InlineData(5, SentimentLabel.Positive)]
    public void Stars_map_to_labels(int stars, SentimentLabel label) => Assert.Equal(label, SentimentLabels.FromStars(stars));

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Stars_outside_one_to_five_are_refused(int stars) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SentimentLabels.FromStars(stars));

    [Fact]
    public void Score_is_expected_sentiment_and_rating_follows_thresholds()
    {
        Assert.Equal(0.5f, RatingScale.Score([0f, 1f, 0f]));
        Assert.Equal(1f, RatingScale.Score([0f, 0f, 1f]));
        Assert.Equal(0.25f, RatingScale.Score([0.5f, 0.5f, 0f]));
        var scale = RatingScale.Uniform;
        Assert.Equal(1, scale.SuggestedRating(0.05f));
        Assert.Equal(3, scale.SuggestedRating(0.5f));
        Assert.Equal(5, scale.SuggestedRating(0.8f));
    }

    [Theory]
    [InlineData(new float[] { 0.1f, 0.2f, 0.3f })]
    [InlineData(new float[] { 0.4f, 0.2f, 0.6f, 0.8f })]
    [InlineData(new float[] { -0.1f, 0.2f, 0.6f, 0.8f })]
    [InlineData(new float[] { 0.1f, 0.2f, 0.6f, float.NaN })]
    public void Bad_thresholds_are_refused(float[] thresholds) =>
        Assert.Throws<InvalidDataException>(() => new RatingScale(thresholds).Validate());
}
