using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ReviewPulse.Training.Engine;

/// <summary>
/// Single-precision matrix multiply C (+)= op(A)·op(B), row-major, packed into cache-sized blocks and computed by a
/// 6×16 register-blocked FMA kernel (the BLIS scheme). Strides may overlap, so a convolution's input can be read as
/// its own im2col matrix without copying.
/// </summary>
internal static unsafe class Gemm
{
    private const int MR = 6;
    private const int NR = 16;
    private const int KC = 256;
    private const int MC = 96;
    private const int NC = 1024;

    [ThreadStatic] private static float[]? s_packA;
    [ThreadStatic] private static float[]? s_packB;

    /// <summary>C[M×N] = (accumulate ? C : 0) + op(A)[M×K] · op(B)[K×N].</summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate)
    {
        if (m == 0 || n == 0)
        {
            return;
        }
        if (!accumulate)
        {
            for (var i = 0; i < m; i++)
            {
                c.Slice(i * ldc, n).Clear();
            }
        }
        if (k == 0)
        {
            return;
        }
        var packA = s_packA ??= GC.AllocateUninitializedArray<float>(MC * KC + 64, pinned: true);
        var packB = s_packB ??= GC.AllocateUninitializedArray<float>(KC * NC + 64, pinned: true);
        fixed (float* pa = a, pb = b, pc = c, bufA = packA, bufB = packB)
        {
            for (var jc = 0; jc < n; jc += NC)
            {
                var nc = Math.Min(NC, n - jc);
                for (var pc0 = 0; pc0 < k; pc0 += KC)
                {
                    var kc = Math.Min(KC, k - pc0);
                    PackB(transB, pb, ldb, pc0, jc, kc, nc, bufB);
                    for (var ic = 0; ic < m; ic += MC)
                    {
                        var mc = Math.Min(MC, m - ic);
                        PackA(transA, pa, lda, ic, pc0, mc, kc, bufA);
                        MacroKernel(mc, nc, kc, bufA, bufB, pc + (long)ic * ldc + jc, ldc);
                    }
                }
            }
        }
    }

    /// <summary>As <see cref="Multiply"/>, splitting the columns of C across threads.</summary>
    public static void MultiplyParallel(bool transA, bool transB, int m, int n, int k,
        float[] a, int lda, float[] b, int ldb, float[] c, int ldc, bool accumulate, int threads)
    {
        var chunks = Math.Min(threads, Math.Max(1, n / (2 * NR)));
        if (chunks <= 1 || (long)m * n * k < 1 << 18)
        {
            Multiply(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, accumulate);
            return;
        }
        var width = (n / chunks + NR - 1) / NR * NR;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var j0 = t * width;
            var nj = Math.Min(width, n - j0);
            if (nj <= 0)
            {
                return;
            }
            var bOffset = transB ? j0 * ldb : j0;
            Multiply(transA, transB, m, nj, k, a, lda, b.AsSpan(bOffset), ldb, c.AsSpan(j0), ldc, accumulate);
        });
    }

    private static void PackA(bool trans, float* a, int lda, int i0, int p0, int mc, int kc, float* dst)
    {
        for (var ir = 0; ir < mc; ir += MR)
        {
            var rows = Math.Min(MR, mc - ir);
            for (var p = 0; p < kc; p++)
            {
                for (var r = 0; r < MR; r++)
                {
                    dst[r] = r < rows ? (trans ? a[(long)(p0 + p) * lda + i0 + ir + r] : a[(long)(i0 + ir + r) * lda + p0 + p]) : 0f;
                }
                dst += MR;
            }
        }
    }

    private static void PackB(bool trans, float* b, int ldb, int p0, int j0, int kc, int nc, float* dst)
    {
        for (var jr = 0; jr < nc; jr += NR)
        {
            var cols = Math.Min(NR, nc - jr);
            for (var p = 0; p < kc; p++)
            {
                if (!trans && cols == NR)
                {
                    var src = b + (long)(p0 + p) * ldb + j0 + jr;
                    Vector256.Store(Vector256.Load(src), dst);
                    Vector256.Store(Vector256.Load(src + 8), dst + 8);
                }
                else
                {
                    for (var j = 0; j < NR; j++)
                    {
                        dst[j] = j < cols ? (trans ? b[(long)(j0 + jr + j) * ldb + p0 + p] : b[(long)(p0 + p) * ldb + j0 + jr + j]) : 0f;
                    }
                }
                dst += NR;
            }
        }
    }

    private static void MacroKernel(int mc, int nc, int kc, float* packA, float* packB, float* c, int ldc)
    {
        var edge = stackalloc float[MR * NR];
        for (var jr = 0; jr < nc; jr += NR)
        {
            var cols = Math.Min(NR, nc - jr);
            for (var ir = 0; ir < mc; ir += MR)
            {
                var rows = Math.Min(MR, mc - ir);
                var tileA = packA + ir * kc;
                var tileB = packB + jr * kc;
                if (rows == MR && cols == NR)
                {
                    MicroKernel(kc, tileA, tileB, c + (long)ir * ldc + jr, ldc);
                    continue;
                }
                new Span<float>(edge, MR * NR).Clear();
                MicroKernel(kc, tileA, tileB, edge, NR);
                for (var r = 0; r < rows; r++)
                {
                    var row = c + (long)(ir + r) * ldc + jr;
                    for (var j = 0; j < cols; j++)
                    {
                        row[j] += edge[r * NR + j];
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MicroKernel(int kc, float* a, float* b, float* c, int ldc)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var av = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(av, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(av, b1, c01);
            av = Vector256.Create(a[1]);
            c10 = Vector256.FusedMultiplyAdd(av, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(av, b1, c11);
            av = Vector256.Create(a[2]);
            c20 = Vector256.FusedMultiplyAdd(av, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(av, b1, c21);
            av = Vector256.Create(a[3]);
            c30 = Vector256.FusedMultiplyAdd(av, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(av, b1, c31);
            av = Vector256.Create(a[4]);
            c40 = Vector256.FusedMultiplyAdd(av, b0, c40);
            c41 = Vector256.FusedMultiplyAdd(av, b1, c41);
            av = Vector256.Create(a[5]);
            c50 = Vector256.FusedMultiplyAdd(av, b0, c50);
            c51 = Vector256.FusedMultiplyAdd(av, b1, c51);
            a += MR;
            b += NR;
        }
        AddTo(c, c00, c01);
        AddTo(c + ldc, c10, c11);
        AddTo(c + 2 * ldc, c20, c21);
        AddTo(c + 3 * ldc, c30, c31);
        AddTo(c + 4 * ldc, c40, c41);
        AddTo(c + 5 * ldc, c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo(float* c, Vector256<float> lo, Vector256<float> hi)
    {
        Vector256.Store(Vector256.Load(c) + lo, c);
        Vector256.Store(Vector256.Load(c + 8) + hi, c + 8);
    }
}
