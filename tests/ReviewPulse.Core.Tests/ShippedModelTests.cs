using ReviewPulse.Core.Modeling;
using ReviewPulse.Core.Sentiment;

namespace ReviewPulse.Core.Tests;

/// <summary>The model in models/default, as the API will load it.</summary>
public sealed class ShippedModelTests
{
    private static readonly string Directory = RepositoryPaths.DefaultModel;

    [Fact]
    public void Loads_verified_and_within_the_size_budget()
    {
        using var model = SentimentModel.Load(Directory);
        Assert.True(new FileInfo(Path.Combine(Directory, "model.onnx")).Length <= 12_000_000);
        Assert.True(File.Exists(Path.Combine(Directory, "MODEL_CARD.md")));
        Assert.Equal(64, model.Manifest.Training.DataSha256.Length);
    }

    [Theory]
    [InlineData("Absolutely terrible. They never delivered and refused a refund. Avoid!", SentimentLabel.Negative)]
    [InlineData("Fantastic service, quick delivery and friendly staff. Highly recommend!", SentimentLabel.Positive)]
    public void Clear_reviews_get_the_obvious_label(string text, SentimentLabel expected)
    {
        using var model = SentimentModel.Load(Directory);
        var p = model.Predict(text);
        Assert.Equal(expected, p.Label);
        Assert.Equal(expected == SentimentLabel.Positive, p.SuggestedRating >= 4);
    }
}
