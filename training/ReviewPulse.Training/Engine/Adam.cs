using System.Numerics.Tensors;

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
        var correction1 = 1f - MathF.Pow(_beta1, Step);
        var correction2 = 1f - MathF.Pow(_beta2, Step);
        var stepSize = lr / correction1;
        var sqrtCorrection2 = MathF.Sqrt(correction2);
        Parallel.For(0, _parameters.Count, i =>
        {
            var p = _parameters[i];
            var decay = p.Shape.Length > 1 ? weightDecay : 0f;
            foreach (var (offset, length) in Ranges(p))
            {
                UpdateRange(p.Value.AsSpan(offset, length), p.Grad.AsSpan(offset, length),
                    FirstMoments[i].AsSpan(offset, length), SecondMoments[i].AsSpan(offset, length), stepSize, sqrtCorrection2, lr * decay);
                p.Grad.AsSpan(offset, length).Clear();
            }
            p.TouchedRows?.Clear();
        });
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
        for (var j = 0; j < w.Length; j++)
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
