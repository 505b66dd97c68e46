using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace ReviewPulse.Training.Engine;

/// <summary>
/// Adam with decoupled weight decay (AdamW) and global gradient-norm clipping. Parameters with
/// <see cref="Parameter.TouchedRows"/> get lazy, row-sparse updates so a large embedding table costs only what a batch touches.
/// </summary>
internal sealed class Adam
{
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly float _beta1;
    private readonly float _beta2;
    private readonly float _epsilon;

    public Adam(IReadOnlyList<Parameter> parameters, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
    {
        _parameters = parameters;
        _beta1 = beta1;
        _beta2 = beta2;
        _epsilon = epsilon;
        FirstMoments = parameters.Select(p => new float[p.Length]).ToArray();
        SecondMoments = parameters.Select(p => new float[p.Length]).ToArray();
    }

    public float[][] FirstMoments { get; }

    public float[][] SecondMoments { get; }

    public long Step { get; set; }

    /// <summary>Scales all gradients so their global L2 norm is at most <paramref name="maxNorm"/>; returns the norm before.</summary>
    public float ClipGradientNorm(float maxNorm)
    {
        var sum = 0.0;
        foreach (var p in _parameters)
        {
            foreach (var (offset, length) in Ranges(p))
            {
                var g = p.Grad.AsSpan(offset, length);
                sum += TensorPrimitives.Dot(g, g);
            }
        }
        var norm = (float)Math.Sqrt(sum);
        if (norm > maxNorm && maxNorm > 0)
        {
            var scale = maxNorm / norm;
            foreach (var p in _parameters)
            {
                foreach (var (offset, length) in Ranges(p))
                {
                    var g = p.Grad.AsSpan(offset, length);
                    TensorPrimitives.Multiply(g, scale, g);
                }
            }
        }
        return norm;
    }

    /// <summary>Applies one update with learning rate <paramref name="lr"/> and clears the gradients.</summary>
    public void Update(float lr, float weightDecay)
    {
        Step++;
        var stepSize = lr / (1f - MathF.Pow(_beta1, Step));
        var sqrtCorrection2 = MathF.Sqrt(1f - MathF.Pow(_beta2, Step));
        // Work is cut into ranges of at most 32k values across all parameters, so one huge matrix does not
        // serialise the update on a single thread.
        var ranges = new List<(int Parameter, int Offset, int Length)>();
        for (var i = 0; i < _parameters.Count; i++)
        {
            foreach (var (offset, length) in Ranges(_parameters[i]))
            {
                for (var o = 0; o < length; o += 1 << 15)
                {
                    ranges.Add((i, offset + o, Math.Min(1 << 15, length - o)));
                }
            }
        }
        var chunk = Math.Max(1, ranges.Count / (4 * Environment.ProcessorCount));
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, ranges.Count, chunk), span =>
        {
            for (var r = span.Item1; r < span.Item2; r++)
            {
                var (i, offset, length) = ranges[r];
                var p = _parameters[i];
                var decay = p.Shape.Length > 1 ? lr * weightDecay : 0f;
                UpdateRange(p.Value.AsSpan(offset, length), p.Grad.AsSpan(offset, length),
                    FirstMoments[i].AsSpan(offset, length), SecondMoments[i].AsSpan(offset, length), stepSize, sqrtCorrection2, decay);
                p.Grad.AsSpan(offset, length).Clear();
            }
        });
        foreach (var p in _parameters)
        {
            p.TouchedRows?.Clear();
        }
    }

    public void ZeroGradients()
    {
        foreach (var p in _parameters)
        {
            Array.Clear(p.Grad);
            p.TouchedRows?.Clear();
        }
    }

    private void UpdateRange(Span<float> w, Span<float> g, Span<float> m, Span<float> v, float stepSize, float sqrtCorrection2, float decay)
    {
        var j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var b1 = Vector256.Create(_beta1);
            var b2 = Vector256.Create(_beta2);
            var c1 = Vector256.Create(1f - _beta1);
            var c2 = Vector256.Create(1f - _beta2);
            var step = Vector256.Create(stepSize);
            var inverseCorrection = Vector256.Create(1f / sqrtCorrection2);
            var eps = Vector256.Create(_epsilon);
            var wd = Vector256.Create(decay);
            for (; j <= w.Length - 8; j += 8)
            {
                var gj = Vector256.Create<float>(g[j..]);
                var mj = (b1 * Vector256.Create<float>(m[j..])) + (c1 * gj);
                var vj = (b2 * Vector256.Create<float>(v[j..])) + (c2 * gj * gj);
                var wj = Vector256.Create<float>(w[j..]);
                wj -= (step * mj / ((Vector256.Sqrt(vj) * inverseCorrection) + eps)) + (wd * wj);
                mj.CopyTo(m[j..]);
                vj.CopyTo(v[j..]);
                wj.CopyTo(w[j..]);
            }
        }
        for (; j < w.Length; j++)
        {
            m[j] = (_beta1 * m[j]) + ((1f - _beta1) * g[j]);
            v[j] = (_beta2 * v[j]) + ((1f - _beta2) * g[j] * g[j]);
            w[j] -= (stepSize * m[j] / ((MathF.Sqrt(v[j]) / sqrtCorrection2) + _epsilon)) + (decay * w[j]);
        }
    }

    private static IEnumerable<(int Offset, int Length)> Ranges(Parameter p)
    {
        if (p.TouchedRows is null)
        {
            yield return (0, p.Length);
            yield break;
        }
        var width = p.Shape[^1];
        foreach (var row in p.TouchedRows.Rows)
        {
            yield return (row * width, width);
        }
    }
}
