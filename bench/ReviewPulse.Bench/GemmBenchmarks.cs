using BenchmarkDotNet.Attributes;
using ReviewPulse.Training.Engine;

namespace ReviewPulse.Bench;

/// <summary>The engine's SGEMM on the shapes that dominate the tutorial network, to compare with the BLAS ceiling.</summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private float[] _a = [];
    private float[] _b = [];
    private float[] _c = [];

    [Params(1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _a = [.. Enumerable.Range(0, Size * Size).Select(_ => random.NextSingle())];
        _b = [.. Enumerable.Range(0, Size * Size).Select(_ => random.NextSingle())];
        _c = new float[Size * Size];
    }

    [Benchmark(Description = "sgemm N×N, 2 threads")]
    public void Square() => Gemm.MultiplyParallel(false, false, Size, Size, Size, _a, Size, _b, Size, _c, Size, false, 2);

    [Benchmark(Description = "conv2 of the tutorial: 330×256×1792, 1 thread")]
    public void TutorialConv2() => Gemm.Multiply(false, false, 330, 256, 1792, _a, 256, _b, 256, _c, 256, false);
}
