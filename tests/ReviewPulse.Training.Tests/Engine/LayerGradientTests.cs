using ReviewPulse.Training.Engine;

namespace ReviewPulse.Training.Tests.Engine;

/// <summary>Every layer's backward pass against finite differences of a random linear read-out of its output.</summary>
public sealed class LayerGradientTests
{
    private readonly Random _random = new(3);

    [Fact]
    public void Conv1d_weight_bias_and_input_gradients()
    {
        var conv = new Conv1d("c", 5, 4, 3);
        conv.Weight.InitHe(_random, 15);
        var length = 11;
        var x = GradientCheck.RandomArray(_random, length * 5);
        var readout = GradientCheck.RandomArray(_random, conv.OutputLength(length) * 4);
        var y = new float[readout.Length];
        double Loss()
        {
            conv.Forward(x, length, y);
            return GradientCheck.Dot(y, readout);
        }
        var dx = new float[x.Length];
        var dW = new float[conv.Weight.Length];
        var dB = new float[4];
        conv.Backward(x, length, readout, dx, dW, dB);
        GradientCheck.Assert("conv.weight", conv.Weight.Value, dW, Loss);
        GradientCheck.Assert("conv.bias", conv.Bias.Value, dB, Loss);
        GradientCheck.Assert("conv.input", x, dx, Loss);
    }

    [Fact]
    public void OneHot_convolution_equals_a_dense_convolution_of_the_one_hot_matrix_and_its_gradient_checks()
    {
        const int alphabet = 6;
        var gather = new OneHotConv1d("g", alphabet, 3, 2);
        gather.Weight.InitHe(_random, 2);
        gather.Bias.InitNormal(_random, 1);
        int[] ids = [0, 5, alphabet, 2, 2, 1, alphabet];
        var oneHot = new float[ids.Length * alphabet];
        for (var t = 0; t < ids.Length; t++)
        {
            if (ids[t] < alphabet)
            {
                oneHot[t * alphabet + ids[t]] = 1;
            }
        }
        var dense = new Conv1d("d", alphabet, 3, 2);
        gather.Weight.Value.CopyTo(dense.Weight.Value, 0); // both are [K × alphabet × Cout]
        gather.Bias.Value.CopyTo(dense.Bias.Value, 0);
        var expected = new float[(ids.Length - 1) * 3];
        var actual = new float[expected.Length];
        dense.Forward(oneHot, ids.Length, expected);
        gather.Forward(ids, actual);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 5);
        }

        var readout = GradientCheck.RandomArray(_random, actual.Length);
        var dW = new float[gather.Weight.Length];
        var dB = new float[3];
        gather.Backward(ids, readout, dW, dB);
        double Loss()
        {
            gather.Forward(ids, actual);
            return GradientCheck.Dot(actual, readout);
        }
        GradientCheck.Assert("onehot.weight", gather.Weight.Value, dW, Loss, samples: gather.Weight.Length);
        GradientCheck.Assert("onehot.bias", gather.Bias.Value, dB, Loss);
        Assert.All(Enumerable.Range(0, 2).SelectMany(k => Enumerable.Range(0, 3).Select(c => dW[((k * alphabet) + 4) * 3 + c])),
            g => Assert.Equal(0f, g)); // character 4 never occurs
    }

    [Fact]
    public void MaxPool_routes_gradient_to_the_window_maximum()
    {
        const int channels = 3, length = 10;
        var x = GradientCheck.RandomArray(_random, length * channels);
        var pooledLength = MaxPool1d.OutputLength(length, 3);
        var y = new float[pooledLength * channels];
        var arg = new int[y.Length];
        var readout = GradientCheck.RandomArray(_random, y.Length);
        double Loss()
        {
            MaxPool1d.Forward(x, length, channels, 3, y, arg);
            return GradientCheck.Dot(y, readout);
        }
        Loss();
        var dx = new float[x.Length];
        MaxPool1d.Backward(readout, arg, dx, y.Length);
        GradientCheck.Assert("pool.input", x, dx, Loss, samples: x.Length, epsilon: 1e-4f);
        Assert.Equal(0f, dx[^1]); // the 10th step falls outside the last full window
    }

    [Fact]
    public void Dense_weight_bias_and_input_gradients()
    {
        var dense = new Dense("d", 7, 5);
        dense.Weight.InitHe(_random, 7);
        const int batch = 4;
        var x = GradientCheck.RandomArray(_random, batch * 7);
        var y = new float[batch * 5];
        var readout = GradientCheck.RandomArray(_random, y.Length);
        double Loss()
        {
            dense.Forward(x, batch, y, threads: 2);
            return GradientCheck.Dot(y, readout);
        }
        var dx = new float[x.Length];
        dense.Backward(x, batch, readout, dx, threads: 2);
        GradientCheck.Assert("dense.weight", dense.Weight.Value, dense.Weight.Grad, Loss);
        GradientCheck.Assert("dense.bias", dense.Bias.Value, dense.Bias.Grad, Loss);
        GradientCheck.Assert("dense.input", x, dx, Loss);
    }

    [Fact]
    public void Weighted_softmax_cross_entropy_gradient()
    {
        const int batch = 5;
        var logits = GradientCheck.RandomArray(_random, batch * 3, 3);
        int[] labels = [0, 1, 2, 1, 0];
        float[] weights = [1f, 4f, 0.5f];
        var grad = new float[logits.Length];
        var scratch = new float[logits.Length];
        SoftmaxCrossEntropy.LossAndGradient(logits, labels, weights, grad);
        GradientCheck.Assert("logits", logits, grad, () => SoftmaxCrossEntropy.LossAndGradient(logits, labels, weights, scratch),
            samples: logits.Length, epsilon: 1e-3f);
    }

    [Fact]
    public void EmbeddingBag_mean_and_sparse_gradient()
    {
        var bag = new EmbeddingBag("e", 9, 4);
        bag.Weight.InitNormal(_random, 1);
        int[] ids = [3, 3, 7, 9];
        var y = new float[4];
        var readout = GradientCheck.RandomArray(_random, 4);
        double Loss()
        {
            bag.Forward(ids, 3, y);
            return GradientCheck.Dot(y, readout);
        }
        bag.Backward(ids, 3, readout);
        GradientCheck.Assert("embedding", bag.Weight.Value, bag.Weight.Grad, Loss, samples: bag.Weight.Length);
        Assert.Equal([3, 7], bag.Weight.TouchedRows!.Rows);
    }

    [Fact]
    public void Dropout_keeps_the_expected_value_and_zeroes_dropped_units()
    {
        var x = Enumerable.Repeat(1f, 20000).ToArray();
        var mask = new float[x.Length];
        Dropout.Forward(x, mask, 0.5f, new Random(4));
        Assert.InRange(x.Average(), 0.95, 1.05);
        Assert.All(x, v => Assert.True(v is 0f or 2f));
        var grad = Enumerable.Repeat(1f, x.Length).ToArray();
        Dropout.Backward(grad, mask);
        Assert.Equal(x, grad);
    }
}
