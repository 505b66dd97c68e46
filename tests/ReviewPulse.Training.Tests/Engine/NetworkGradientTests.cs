using ReviewPulse.Core.Text;
using ReviewPulse.Training.Engine;

namespace ReviewPulse.Training.Tests.Engine;

/// <summary>Whole networks, loss to every parameter, so the layers are also checked wired together.</summary>
public sealed class NetworkGradientTests
{
    private static readonly string[] Texts = ["great service, fast delivery!", "terrible. never again", "it was ok i guess"];
    private static readonly int[] Labels = [2, 0, 1];

    [Fact]
    public void CharCnn_end_to_end_gradient_with_two_threads()
    {
        var encoder = new CharacterEncoder(CharacterEncoder.TutorialAlphabet, 40);
        var shape = new CharCnnShape(40, 69, [8, 8, 6], [3, 3, 2], [2, 1, 2], [10], Dropout: 0);
        var net = new CharCnn(shape, encoder, threads: 2, seed: 5);
        CheckAllParameters(net, encoder);
    }

    [Fact]
    public void Ngram_network_end_to_end_gradient()
    {
        var encoder = new HashedNgramEncoder(50, 2, 2, 3, 200);
        var net = new NgramNetwork(encoder, 6, [5], dropout: 0, threads: 2, seed: 6);
        CheckAllParameters(net, encoder);
    }

    [Fact]
    public void Ngram_input_dropout_trains_on_a_subset_and_leaves_inference_whole()
    {
        var encoder = new HashedNgramEncoder(1 << 16, 2, 3, 4, 400);
        var net = new NgramNetwork(encoder, 4, [], dropout: 0, threads: 1, seed: 2, inputDropout: 0.5f);
        var batch = new EncodedBatch(encoder, 1);
        batch.Fill([string.Join(' ', Enumerable.Range(0, 40).Select(i => $"word{i}"))], [2]);
        var all = batch.Row(0)[..batch.Counts[0]].ToArray().Distinct().Count();
        var logits = new float[3];
        net.Forward(batch, logits, training: true);
        net.Backward(batch, [0.1f, 0.2f, -0.3f]);
        var touched = net.Embedding.Weight.TouchedRows!.Rows.Count;
        Assert.InRange(touched, all / 4, all * 3 / 4);
        var eval1 = new float[3];
        var eval2 = new float[3];
        net.Forward(batch, eval1, training: false);
        net.Forward(batch, eval2, training: false);
        Assert.Equal(eval1, eval2);
    }

    private static void CheckAllParameters(ISentimentNetwork net, ITextEncoder encoder)
    {
        // Zero biases put padded positions exactly on ReLU's kink, where finite differences are meaningless.
        var random = new Random(8);
        foreach (var bias in net.Parameters.Where(p => p.Shape.Length == 1))
        {
            bias.InitNormal(random, 0.1f);
        }
        var batch = new EncodedBatch(encoder, Texts.Length);
        batch.Fill(Texts, Labels);
        var logits = new float[Texts.Length * 3];
        var grad = new float[logits.Length];
        float[] weights = [1f, 2f, 1f];
        double Loss()
        {
            net.Forward(batch, logits, training: false);
            return SoftmaxCrossEntropy.LossAndGradient(logits, Labels, weights, new float[logits.Length]);
        }
        net.Forward(batch, logits, training: true);
        SoftmaxCrossEntropy.LossAndGradient(logits, Labels, weights, grad);
        net.Backward(batch, grad);
        foreach (var p in net.Parameters)
        {
            GradientCheck.Assert(p.Name, p.Value, p.Grad, Loss, samples: 25, epsilon: 1e-3f, tolerance: 5e-2);
        }
    }
}
