using ReviewPulse.Training.Engine;

namespace ReviewPulse.Training.Tests.Engine;

public sealed class GemmTests
{
    [Theory]
    [InlineData(false, false, 7, 19, 5)]
    [InlineData(true, false, 13, 33, 300)]
    [InlineData(false, true, 100, 17, 260)]
    [InlineData(true, true, 6, 16, 1)]
    [InlineData(false, false, 97, 1030, 70)]
    public void Matches_a_naive_product_for_every_transpose_and_edge_size(bool transA, bool transB, int m, int n, int k)
    {
        var random = new Random(1);
        var a = GradientCheck.RandomArray(random, m * k);
        var b = GradientCheck.RandomArray(random, k * n);
        var c = GradientCheck.RandomArray(random, m * n);
        var expected = (float[])c.Clone();
        var lda = transA ? m : k;
        var ldb = transB ? k : n;
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var p = 0; p < k; p++)
                {
                    sum += (double)(transA ? a[p * lda + i] : a[i * lda + p]) * (transB ? b[j * ldb + p] : b[p * ldb + j]);
                }
                expected[i * n + j] += (float)sum;
            }
        }
        Gemm.Multiply(transA, transB, m, n, k, a, lda, b, ldb, c, n, accumulate: true);
        for (var i = 0; i < c.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - c[i]) < 1e-3f * Math.Max(1, Math.Abs(expected[i])), $"C[{i}]: {c[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void Overlapping_rows_read_a_convolution_window_without_copying()
    {
        // Rows of A start every 2 floats but are 6 long: row t is x[2t .. 2t+6), the im2col row of a width-3 kernel.
        float[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        float[] w = [1, 0, 0, 0, 0, 1];
        var y = new float[3];
        Gemm.Multiply(false, false, 3, 1, 6, x, 2, w, 1, y, 1, accumulate: false);
        Assert.Equal([1f + 6f, 3f + 8f, 5f + 10f], y);
    }

    [Fact]
    public void Parallel_split_equals_the_single_threaded_product()
    {
        var random = new Random(2);
        var a = GradientCheck.RandomArray(random, 64 * 300);
        var b = GradientCheck.RandomArray(random, 300 * 500);
        var one = new float[64 * 500];
        var two = new float[64 * 500];
        Gemm.Multiply(false, false, 64, 500, 300, a, 300, b, 500, one, 500, false);
        Gemm.MultiplyParallel(false, false, 64, 500, 300, a, 300, b, 500, two, 500, false, threads: 2);
        Assert.Equal(one, two);
    }
}
