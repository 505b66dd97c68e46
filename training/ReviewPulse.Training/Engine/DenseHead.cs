namespace ReviewPulse.Training.Engine;

/// <summary>Dense layers with ReLU and dropout between them, ending in the 3 class logits; shared by all networks.</summary>
internal sealed class DenseHead
{
    private readonly Dense[] _layers;
    private readonly float _dropout;
    private readonly int _threads;
    private float[][] _inputs = [];
    private float[][] _masks = [];
    private float[][] _grads = [];
    private int _capacity;

    public DenseHead(int features, IReadOnlyList<int> hidden, int classes, float dropout, int threads)
    {
        var sizes = new[] { features }.Concat(hidden).Append(classes).ToArray();
        _layers = [.. Enumerable.Range(0, sizes.Length - 1).Select(i => new Dense($"fc{i + 1}", sizes[i], sizes[i + 1]))];
        _dropout = dropout;
        _threads = threads;
    }

    public IReadOnlyList<Dense> Layers => _layers;

    public IEnumerable<Parameter> Parameters => _layers.SelectMany(l => new[] { l.Weight, l.Bias });

    public long MultiplyAdds => _layers.Sum(l => (long)l.Inputs * l.Outputs);

    /// <summary>Buffer the caller fills with features [batch × features] before <see cref="Forward"/>.</summary>
    public float[] Input(int batch)
    {
        Ensure(batch);
        return _inputs[0];
    }

    public void Initialize(Random random)
    {
        foreach (var layer in _layers)
        {
            layer.Weight.InitHe(random, layer.Inputs);
        }
    }

    public void Forward(int batch, float[] logits, bool training, Random random)
    {
        for (var i = 0; i < _layers.Length; i++)
        {
            var last = i == _layers.Length - 1;
            var output = last ? logits : _inputs[i + 1];
            _layers[i].Forward(_inputs[i], batch, output, _threads);
            if (last)
            {
                break;
            }
            var span = output.AsSpan(0, batch * _layers[i].Outputs);
            Tensor.Relu(span);
            if (training && _dropout > 0)
            {
                Dropout.Forward(span, _masks[i + 1], _dropout, random);
            }
        }
    }

    /// <summary>Back-propagates the logit gradients; returns dLoss/dFeatures [batch × features].</summary>
    public float[] Backward(int batch, float[] logitGradients, bool training)
    {
        var grad = logitGradients;
        for (var i = _layers.Length - 1; i >= 0; i--)
        {
            _layers[i].Backward(_inputs[i], batch, grad, _grads[i], _threads);
            grad = _grads[i];
            if (i == 0)
            {
                break;
            }
            var span = grad.AsSpan(0, batch * _layers[i].Inputs);
            if (training && _dropout > 0)
            {
                Dropout.Backward(span, _masks[i]);
            }
            Tensor.ReluBackward(_inputs[i], span);
        }
        return grad;
    }

    private void Ensure(int batch)
    {
        if (batch <= _capacity)
        {
            return;
        }
        _capacity = batch;
        _inputs = [.. _layers.Select(l => new float[batch * l.Inputs])];
        _masks = [.. _layers.Select(l => new float[batch * l.Inputs])];
        _grads = [.. _layers.Select(l => new float[batch * l.Inputs])];
    }
}
