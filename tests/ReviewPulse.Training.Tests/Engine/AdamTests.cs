using ReviewPulse.Training.Engine;

namespace ReviewPulse.Training.Tests.Engine;

public sealed class AdamTests
{
    [Fact]
    public void Two_steps_match_the_AdamW_formula_on_vector_and_tail_elements()
    {
        var p = new Parameter("w", 1, 11);
        var random = new Random(5);
        p.InitNormal(random, 1);
        var w = p.Value.Select(v => (double)v).ToArray();
        var m = new double[11];
        var v = new double[11];
        var adam = new Adam([p]);
        for (var step = 1; step <= 2; step++)
        {
            var g = GradientCheck.RandomArray(random, 11);
            g.CopyTo(p.Grad, 0);
            adam.Update(0.01f, 0.1f);
            for (var j = 0; j < 11; j++)
            {
                m[j] = 0.9 * m[j] + 0.1 * g[j];
                v[j] = 0.999 * v[j] + 0.001 * g[j] * g[j];
                var mHat = m[j] / (1 - Math.Pow(0.9, step));
                var vHat = v[j] / (1 - Math.Pow(0.999, step));
                w[j] -= 0.01 * mHat / (Math.Sqrt(vHat) + 1e-8) + 0.01 * 0.1 * w[j];
            }
        }
        for (var j = 0; j < 11; j++)
        {
            Assert.Equal(w[j], p.Value[j], 4);
        }
        Assert.All(p.Grad, g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Sparse_rows_update_only_touched_rows_and_clipping_bounds_the_norm()
    {
        var bag = new EmbeddingBag("e", 4, 2);
        bag.Weight.InitNormal(new Random(1), 1);
        var before = (float[])bag.Weight.Value.Clone();
        bag.Backward([1, 1], 2, [3f, 4f]);
        var adam = new Adam([bag.Weight]);
        Assert.Equal(5f, adam.ClipGradientNorm(1f), 4);
        Assert.Equal(1f, MathF.Sqrt(bag.Weight.Grad[2] * bag.Weight.Grad[2] + bag.Weight.Grad[3] * bag.Weight.Grad[3]), 4);
        adam.Update(0.1f, 0f);
        for (var i = 0; i < before.Length; i++)
        {
            Assert.Equal(i is 2 or 3, before[i] != bag.Weight.Value[i]);
        }
        Assert.Empty(bag.Weight.TouchedRows!.Rows);
    }
}
