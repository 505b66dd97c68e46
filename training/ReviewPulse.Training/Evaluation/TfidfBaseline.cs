using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;
using ReviewPulse.Core.Sentiment;
using ReviewPulse.Training.Data;
using ReviewPulse.Training.Models;

namespace ReviewPulse.Training.Evaluation;

/// <summary>
/// The baseline every candidate must beat: ML.NET FeaturizeText (word 1–2-grams + character 3-grams, TF-IDF, L2) with
/// an SDCA maximum-entropy classifier, class-weighted like the networks, trained and tested on the same splits.
/// </summary>
internal static class TfidfBaseline
{
    public static ClassificationReport Run(string dataDirectory, string outputWithoutExtension, int? trainLimit)
    {
        var train = SplitFile.Read(Path.Combine(dataDirectory, "train.csv"));
        if (trainLimit is { } n)
        {
            train = [.. train.Take(n)];
        }
        var test = SplitFile.Read(Path.Combine(dataDirectory, "test.csv"));
        var weights = Trainer.ClassWeights(train);
        var ml = new MLContext(seed: 0);
        var trainData = ml.Data.LoadFromEnumerable(train.Select(r => new Row { Text = r.Text, Label = Key(r.Label), Weight = weights[r.Label] }));
        var featurize = new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.Transforms.Text.FeaturizeText("Features", featurize, nameof(Row.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Features", exampleWeightColumnName: nameof(Row.Weight)));
        var model = pipeline.Fit(trainData);
        var scored = model.Transform(ml.Data.LoadFromEnumerable(test.Select(r => new Row { Text = r.Text, Label = Key(r.Label), Weight = 1 })));
        var scores = ml.Data.CreateEnumerable<Scored>(scored, reuseRowObject: false).SelectMany(s => s.Score).ToArray();
        var report = ClassificationReport.Create([.. test.Select(r => r.Stars)], scores, RatingScale.Uniform);
        ReportWriter.Write(outputWithoutExtension, report, "TF-IDF + SDCA baseline on the test split");
        return report;
    }

    private static string Key(int label) => $"{label}_{SentimentLabels.Names[label]}";

    private sealed class Row
    {
        public string Text { get; set; } = "";

        public string Label { get; set; } = "";

        public float Weight { get; set; }
    }

    private sealed class Scored
    {
        [ColumnName("Score")]
        public float[] Score { get; set; } = [];
    }
}
