using ReviewPulse.Core.Text;

namespace ReviewPulse.Training.Engine;

/// <summary>A trainable text classifier: encoded ids in, three class logits out.</summary>
internal interface ISentimentNetwork
{
    ITextEncoder Encoder { get; }

    IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Multiply-adds of one sample's forward pass at full input length (for GFLOP/s figures).</summary>
    long ForwardMultiplyAdds { get; }

    /// <summary>Source of dropout masks; the trainer seeds it so runs repeat.</summary>
    Random DropoutRandom { get; set; }

    /// <summary>Writes logits [batch × 3]; with <paramref name="training"/> applies dropout and keeps activations for backward.</summary>
    void Forward(EncodedBatch batch, float[] logits, bool training);

    /// <summary>Accumulates parameter gradients from dLoss/dLogits of the last training forward pass.</summary>
    void Backward(EncodedBatch batch, float[] logitGradients);
}
