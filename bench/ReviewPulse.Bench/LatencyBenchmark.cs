using System.Diagnostics;
using ReviewPulse.Core.Modeling;
using ReviewPulse.Training.Data;

namespace ReviewPulse.Bench;

/// <summary>Single-review inference latency through ONNX Runtime: p50/p99 over real reviews, one call per review.</summary>
internal static class LatencyBenchmark
{
    public static void Run(string modelDirectory, string? splitFile, int threads, int count)
    {
        using var model = SentimentModel.Load(modelDirectory, threads);
        var texts = splitFile is not null
            ? SplitFile.Read(splitFile).Take(count).Select(r => r.Text).ToArray()
            : Enumerable.Range(0, count).Select(i => $"Review {i}: the delivery was quick but the support was slow to answer my questions about the refund.").ToArray();
        foreach (var t in texts.Take(100))
        {
            model.Predict(t);
        }
        var times = new double[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            model.Predict(texts[i]);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine($"latency {model.Manifest.Version} ({model.Manifest.Architecture.Preset}) threads={threads} n={texts.Length}: " +
            $"p50 {times[times.Length / 2]:0.000} ms p99 {times[(int)(times.Length * 0.99)]:0.000} ms, model.onnx {model.Manifest.Onnx.SizeBytes / 1e6:0.00} MB");
    }
}
