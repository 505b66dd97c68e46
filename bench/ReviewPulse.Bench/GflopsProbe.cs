using System.Diagnostics;
using ReviewPulse.Training.Engine;

namespace ReviewPulse.Bench;

/// <summary>Median GFLOP/s of the engine's SGEMM on an N×N×N product, for comparison with OpenBLAS on the same machine.</summary>
internal static class GflopsProbe
{
    public static void Run(int n, int threads)
    {
        var random = new Random(1);
        var a = Enumerable.Range(0, n * n).Select(_ => random.NextSingle()).ToArray();
        var b = Enumerable.Range(0, n * n).Select(_ => random.NextSingle()).ToArray();
        var c = new float[n * n];
        var times = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Gemm.MultiplyParallel(false, false, n, n, n, a, n, b, n, c, n, false, threads);
            if (i >= 2)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            }
        }
        times.Sort();
        Console.WriteLine($"reviewpulse sgemm n={n} threads={threads}: {2.0 * n * n * n / times[times.Count / 2] / 1e9:0.0} GFLOP/s (median of {times.Count})");
    }
}
