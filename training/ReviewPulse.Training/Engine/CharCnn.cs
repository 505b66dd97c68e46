using ReviewPulse.Core.Text;

namespace ReviewPulse.Training.Engine;

/// <summary>Shape of a character CNN (Zhang, Zhao &amp; LeCun 2015): conv blocks, optional pools, dense head.</summary>
internal sealed record CharCnnShape(int Length, int Alphabet, int[] Filters, int[] Kernels, int[] Pools, int[] Hidden, float Dropout);

/// <summary>
/// The character-level CNN: a gathered one-hot convolution, further convolutions with ReLU and max-pooling, then the
/// dense head. Samples run through the convolutions in parallel, each thread with its own gradient buffers.
/// </summary>
internal sealed class CharCnn : ISentimentNetwork
{
    private readonly OneHotConv1d _first;
    private readonly Conv1d[] _convs;
    private readonly DenseHead _head;
    private readonly int[] _convLengths;
    private readonly int[] _blockLengths;
    private readonly int _threads;
    private readonly int _features;
    private SampleState[] _samples = [];
    private ThreadState[] _threadStates = [];

    public CharCnn(CharCnnShape shape, ITextEncoder encoder, int threads, int seed)
    {
        Shape = shape;
        Encoder = encoder;
        _threads = Math.Max(1, threads);
        _first = new OneHotConv1d("conv1", shape.Alphabet, shape.Filters[0], shape.Kernels[0]);
        _convs = [.. Enumerable.Range(1, shape.Filters.Length - 1)
            .Select(i => new Conv1d($"conv{i + 1}", shape.Filters[i - 1], shape.Filters[i], shape.Kernels[i]))];
        _convLengths = new int[shape.Filters.Length];
        _blockLengths = new int[shape.Filters.Length];
        var length = shape.Length;
        for (var i = 0; i < shape.Filters.Length; i++)
        {
            _convLengths[i] = length - shape.Kernels[i] + 1;
            length = _blockLengths[i] = shape.Pools[i] > 1 ? _convLengths[i] / shape.Pools[i] : _convLengths[i];
            if (length < 1)
            {
                throw new ArgumentException($"Input length {shape.Length} is too short for this network.");
            }
        }
        _features = length * shape.Filters[^1];
        _head = new DenseHead(_features, shape.Hidden, 3, shape.Dropout, _threads);
        Parameters = [_first.Weight, _first.Bias, .. _convs.SelectMany(c => new[] { c.Weight, c.Bias }), .. _head.Parameters];
        var random = new Random(seed);
        _first.Weight.InitHe(random, shape.Kernels[0]);
        foreach (var conv in _convs)
        {
            conv.Weight.InitHe(random, conv.Kernel * conv.InChannels);
        }
        _head.Initialize(random);
        DropoutRandom = new Random(seed + 1);
    }

    public CharCnnShape Shape { get; }

    public ITextEncoder Encoder { get; }

    public IReadOnlyList<Parameter> Parameters { get; }

    public Random DropoutRandom { get; set; }

    public OneHotConv1d FirstConvolution => _first;

    public IReadOnlyList<Conv1d> Convolutions => _convs;

    public DenseHead Head => _head;

    /// <summary>Time steps left after the last block (the flattened features are that × the last filter count).</summary>
    public int FinalLength => _blockLengths[^1];

    public long ForwardMultiplyAdds =>
        ((long)_convLengths[0] * _first.Kernel * _first.OutChannels)
        + _convs.Select((c, i) => c.MultiplyAdds(_blockLengths[i])).Sum()
        + _head.MultiplyAdds;

    public void Forward(EncodedBatch batch, float[] logits, bool training)
    {
        EnsureCapacity(batch.Count);
        var features = _head.Input(batch.Count);
        ForEachSample(batch.Count, (s, _) => ForwardSample(batch.Row(s), _samples[s], features.AsSpan(s * _features, _features)));
        _head.Forward(batch.Count, logits, training, DropoutRandom);
    }

    public void Backward(EncodedBatch batch, float[] logitGradients)
    {
        var dFeatures = _head.Backward(batch.Count, logitGradients, training: true);
        foreach (var state in _threadStates)
        {
            state.ClearGradients();
        }
        ForEachSample(batch.Count, (s, t) => BackwardSample(batch.Row(s), _samples[s], dFeatures.AsSpan(s * _features, _features), _threadStates[t]));
        var convParameters = Parameters.Take(2 + (2 * _convs.Length)).ToArray();
        Parallel.For(0, convParameters.Length, p =>
        {
            var grad = convParameters[p].Grad.AsSpan();
            foreach (var state in _threadStates)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(grad, state.Gradients[p], grad);
            }
        });
    }

    private void ForwardSample(ReadOnlySpan<int> ids, SampleState state, Span<float> features)
    {
        _first.Forward(ids[..Shape.Length], state.Conv[0]);
        Tensor.Relu(state.Conv[0].AsSpan(0, _convLengths[0] * Shape.Filters[0]));
        Pool(0, state);
        for (var i = 1; i < Shape.Filters.Length; i++)
        {
            _convs[i - 1].Forward(state.Block[i - 1], _blockLengths[i - 1], state.Conv[i]);
            Tensor.Relu(state.Conv[i].AsSpan(0, _convLengths[i] * Shape.Filters[i]));
            Pool(i, state);
        }
        state.Block[^1].AsSpan(0, _features).CopyTo(features);
    }

    private void Pool(int i, SampleState state)
    {
        if (Shape.Pools[i] > 1)
        {
            MaxPool1d.Forward(state.Conv[i], _convLengths[i], Shape.Filters[i], Shape.Pools[i], state.Block[i], state.ArgMax[i]);
        }
    }

    private void BackwardSample(ReadOnlySpan<int> ids, SampleState state, ReadOnlySpan<float> dFeatures, ThreadState thread)
    {
        var grad = thread.GradA;
        dFeatures.CopyTo(grad);
        for (var i = Shape.Filters.Length - 1; i >= 0; i--)
        {
            var convSize = _convLengths[i] * Shape.Filters[i];
            if (Shape.Pools[i] > 1)
            {
                MaxPool1d.Backward(grad, state.ArgMax[i], thread.GradB.AsSpan(0, convSize), _blockLengths[i] * Shape.Filters[i]);
                (grad, thread.GradB) = (thread.GradB, grad);
            }
            Tensor.ReluBackward(state.Conv[i], grad.AsSpan(0, convSize));
            if (i == 0)
            {
                _first.Backward(ids[..Shape.Length], grad, thread.Gradients[0], thread.Gradients[1]);
                break;
            }
            var dx = thread.GradB.AsSpan(0, _blockLengths[i - 1] * Shape.Filters[i - 1]);
            _convs[i - 1].Backward(state.Block[i - 1], _blockLengths[i - 1], grad, dx, thread.Gradients[2 * i], thread.Gradients[(2 * i) + 1]);
            (grad, thread.GradB) = (thread.GradB, grad);
        }
        thread.GradA = grad;
    }

    private void ForEachSample(int count, Action<int, int> work)
    {
        var threads = Math.Min(_threads, count);
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            for (var s = t; s < count; s += threads)
            {
                work(s, t);
            }
        });
    }

    private void EnsureCapacity(int batch)
    {
        if (_samples.Length < batch)
        {
            _samples = [.. _samples, .. Enumerable.Range(0, batch - _samples.Length).Select(_ => new SampleState(this))];
        }
        if (_threadStates.Length == 0)
        {
            _threadStates = [.. Enumerable.Range(0, _threads).Select(_ => new ThreadState(this))];
        }
    }

    /// <summary>One sample's activations, kept from forward for backward.</summary>
    private sealed class SampleState
    {
        public SampleState(CharCnn net)
        {
            var layers = net.Shape.Filters.Length;
            Conv = new float[layers][];
            Block = new float[layers][];
            ArgMax = new int[layers][];
            for (var i = 0; i < layers; i++)
            {
                Conv[i] = new float[net._convLengths[i] * net.Shape.Filters[i]];
                var pooled = net.Shape.Pools[i] > 1;
                Block[i] = pooled ? new float[net._blockLengths[i] * net.Shape.Filters[i]] : Conv[i];
                ArgMax[i] = pooled ? new int[Block[i].Length] : [];
            }
        }

        public float[][] Conv { get; }

        public float[][] Block { get; }

        public int[][] ArgMax { get; }
    }

    /// <summary>A worker thread's scratch gradients and its private copy of the convolution gradients.</summary>
    private sealed class ThreadState
    {
        public ThreadState(CharCnn net)
        {
            var largest = net._convLengths.Select((l, i) => l * net.Shape.Filters[i]).Max();
            GradA = new float[largest];
            GradB = new float[largest];
            Gradients = [.. net.Parameters.Take(2 + (2 * net._convs.Length)).Select(p => new float[p.Length])];
        }

        public float[] GradA { get; set; }

        public float[] GradB { get; set; }

        public float[][] Gradients { get; }

        public void ClearGradients()
        {
            foreach (var g in Gradients)
            {
                Array.Clear(g);
            }
        }
    }
}
