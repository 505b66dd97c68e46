using ReviewPulse.Core.Modeling;
using ReviewPulse.Training.Data;

namespace ReviewPulse.Training.Evaluation;

/// <summary>Scores a split with an exported model (through ONNX Runtime, as the API will) and reports.</summary>
internal static class ModelEvaluator
{
    public static ClassificationReport Evaluate(SentimentModel model, IReadOnlyList<LabeledReview> rows, int batchSize = 256)
    {
        var probabilities = new float[rows.Count * 3];
        for (var start = 0; start < rows.Count; start += batchSize)
        {
            var texts = rows.Skip(start).Take(batchSize).Select(r => r.Text).ToArray();
            model.Probabilities(texts).CopyTo(probabilities.AsSpan(start * 3));
        }
        return ClassificationReport.Create([.. rows.Select(r => r.Stars)], probabilities, model.Manifest.Rating);
    }
}
