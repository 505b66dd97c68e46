using System.Diagnostics;
using ReviewPulse.Core.Text;
using ReviewPulse.Training.Engine;
using ReviewPulse.Training.Models;

namespace ReviewPulse.Bench;

/// <summary>
/// Training-step throughput measured exactly as the PyTorch anchor does: random inputs, a warm-up step, then the
/// median of N forward + backward + Adam steps.
/// </summary>
internal static class TrainStepBenchmark
{
    public static void Run(string presetName, int batchSize, int threads, int steps)
    {
        var preset = TrainingPreset.Find(presetName);
        var network = preset.CreateNetwork(threads, 0);
        var adam = new Adam(network.Parameters);
        var random = new Random(0);
        var batch = new EncodedBatch(network.Encoder, batchSize);
        var texts = Enumerable.Range(0, batchSize).Select(_ => RandomText(random, network.Encoder)).ToArray();
        var labels = Enumerable.Range(0, batchSize).Select(_ => random.Next(3)).ToArray();
        batch.Fill(texts, labels);
        var logits = new float[batchSize * 3];
        var grad = new float[batchSize * 3];
        float[] weights = [1f, 1f, 1f];
        var times = new List<double>();
        for (var step = 0; step <= steps; step++)
        {
            var start = Stopwatch.GetTimestamp();
            network.Forward(batch, logits, training: true);
            SoftmaxCrossEntropy.LossAndGradient(logits, labels, weights, grad);
            network.Backward(batch, grad);
            adam.Update(1e-3f, 0f);
            if (step > 0)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            }
        }
        times.Sort();
        var median = times[times.Count / 2];
        var phases = new double[3];
        for (var step = 0; step < 3; step++)
        {
            var t0 = Stopwatch.GetTimestamp();
            network.Forward(batch, logits, training: true);
            var t1 = Stopwatch.GetTimestamp();
            SoftmaxCrossEntropy.LossAndGradient(logits, labels, weights, grad);
            network.Backward(batch, grad);
            var t2 = Stopwatch.GetTimestamp();
            adam.Update(1e-3f, 0f);
            var t3 = Stopwatch.GetTimestamp();
            phases[0] += Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds / 3;
            phases[1] += Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds / 3;
            phases[2] += Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds / 3;
        }
        Console.WriteLine($"phases (mean of 3): forward {phases[0]:0} ms, backward {phases[1]:0} ms, optimiser {phases[2]:0} ms");
        var flops = TrainingFlopsPerSample(network) * batchSize;
        Console.WriteLine($"reviewpulse engine preset={presetName} threads={threads} batch={batchSize} params={network.Parameters.Sum(p => (long)p.Length)}");
        Console.WriteLine($"train: median step {median * 1000:0} ms -> {batchSize / median:0.0} samples/s, {flops / median / 1e9:0.0} GFLOP/s effective");
    }

    /// <summary>Forward, input-gradient and weight-gradient products (2 FLOPs per multiply-add); the gathered first layer has no input gradient.</summary>
    public static double TrainingFlopsPerSample(ISentimentNetwork network)
    {
        var forward = network.ForwardMultiplyAdds;
        var first = network is CharCnn cnn ? (long)cnn.FirstConvolution.OutputLength(cnn.Shape.Length) * cnn.FirstConvolution.Kernel * cnn.FirstConvolution.OutChannels : 0;
        return 2.0 * (3 * forward - first);
    }

    private static string RandomText(Random random, ITextEncoder encoder)
    {
        var chars = new char[encoder.MaxLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = CharacterEncoder.TutorialAlphabet[random.Next(CharacterEncoder.TutorialAlphabet.Length)];
        }
        return new string(chars);
    }
}
