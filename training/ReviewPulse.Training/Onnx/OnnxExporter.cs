using Onnx;
using ReviewPulse.Training.Engine;
using static ReviewPulse.Training.Onnx.OnnxGraphBuilder;

namespace ReviewPulse.Training.Onnx;

/// <summary>Writes a trained network as an ONNX graph that computes exactly the engine's inference forward pass.</summary>
internal static class OnnxExporter
{
    public const string InputName = "input_ids";
    public const string OutputName = "probabilities";

    public static byte[] Export(ISentimentNetwork network, string docString)
    {
        var g = new OnnxGraphBuilder();
        g.Input(InputName, TensorProto.Types.DataType.Int64, "batch", network.Encoder.FixedLength ? network.Encoder.MaxLength.ToString() : "length");
        var (features, head, permutation) = network switch
        {
            CharCnn cnn => (CharCnnFeatures(g, cnn), cnn.Head, (Func<float[], float[]>)(w => ToChannelsFirst(w, cnn))),
            NgramNetwork ngram => (NgramFeatures(g, ngram), ngram.Head, (Func<float[], float[]>)(w => w)),
            _ => throw new NotSupportedException(network.GetType().Name),
        };
        var x = features;
        for (var i = 0; i < head.Layers.Count; i++)
        {
            var layer = head.Layers[i];
            var weight = i == 0 ? permutation(layer.Weight.Value) : layer.Weight.Value;
            var w = g.Initializer($"fc{i + 1}.weight", weight, layer.Inputs, layer.Outputs);
            var b = g.Initializer($"fc{i + 1}.bias", layer.Bias.Value, layer.Outputs);
            x = g.Node("Gemm", [x, w, b]);
            if (i < head.Layers.Count - 1)
            {
                x = g.Node("Relu", [x]);
            }
        }
        var output = g.Node("Softmax", [x], Int("axis", 1));
        g.Rename(output, OutputName);
        g.Output(OutputName, TensorProto.Types.DataType.Float, "batch", "3");
        return g.ToBytes(docString);
    }

    /// <summary>
    /// The first convolution is a gather, as in the engine: each id selects a row [Cout × K] of weights; a grouped
    /// convolution with identity kernels then sums row k of position t+k. A dense convolution of a one-hot matrix
    /// would cost alphabet-size times more.
    /// </summary>
    private static string CharCnnFeatures(OnnxGraphBuilder g, CharCnn cnn)
    {
        var first = cnn.FirstConvolution;
        int k = first.Kernel, v = first.AlphabetSize, cout = first.OutChannels;
        var table = new float[(v + 1) * cout * k];
        for (var id = 0; id < v; id++)
        {
            for (var co = 0; co < cout; co++)
            {
                for (var j = 0; j < k; j++)
                {
                    table[(id * cout * k) + (co * k) + j] = first.Weight.Value[((j * v) + id) * cout + co];
                }
            }
        }
        var select = new float[cout * k * k];
        for (var co = 0; co < cout; co++)
        {
            for (var j = 0; j < k; j++)
            {
                select[(co * k * k) + (j * k) + j] = 1f;
            }
        }
        var gathered = g.Node("Gather", [g.Initializer("conv1.table", table, v + 1, cout * k), InputName], Int("axis", 0));
        var x = g.Node("Transpose", [gathered], Ints("perm", 0, 2, 1));
        x = g.Node("Conv", [x, g.Initializer("conv1.select", select, cout, k, k), g.Initializer("conv1.bias", first.Bias.Value, cout)],
            Int("group", cout), Ints("kernel_shape", k));
        x = Block(g, x, cnn.Shape.Pools[0]);
        for (var i = 0; i < cnn.Convolutions.Count; i++)
        {
            var conv = cnn.Convolutions[i];
            var w = new float[conv.Weight.Length];
            for (var j = 0; j < conv.Kernel; j++)
            {
                for (var ci = 0; ci < conv.InChannels; ci++)
                {
                    for (var co = 0; co < conv.OutChannels; co++)
                    {
                        w[(((co * conv.InChannels) + ci) * conv.Kernel) + j] = conv.Weight.Value[((j * conv.InChannels) + ci) * conv.OutChannels + co];
                    }
                }
            }
            x = g.Node("Conv", [x, g.Initializer($"conv{i + 2}.weight", w, conv.OutChannels, conv.InChannels, conv.Kernel),
                g.Initializer($"conv{i + 2}.bias", conv.Bias.Value, conv.OutChannels)], Ints("kernel_shape", conv.Kernel));
            x = Block(g, x, cnn.Shape.Pools[i + 1]);
        }
        return g.Node("Flatten", [x], Int("axis", 1));
    }

    private static string Block(OnnxGraphBuilder g, string x, int pool)
    {
        x = g.Node("Relu", [x]);
        return pool > 1 ? g.Node("MaxPool", [x], Ints("kernel_shape", pool), Ints("strides", pool)) : x;
    }

    /// <summary>The engine flattens [time × channels]; ONNX flattens [channels × time]: reorder the first dense layer's rows.</summary>
    private static float[] ToChannelsFirst(float[] weight, CharCnn cnn)
    {
        var time = cnn.FinalLength;
        var channels = cnn.Shape.Filters[^1];
        var outputs = weight.Length / (time * channels);
        var result = new float[weight.Length];
        for (var t = 0; t < time; t++)
        {
            for (var c = 0; c < channels; c++)
            {
                Array.Copy(weight, ((t * channels) + c) * outputs, result, ((c * time) + t) * outputs, outputs);
            }
        }
        return result;
    }

    private static string NgramFeatures(OnnxGraphBuilder g, NgramNetwork net)
    {
        var e = net.Embedding;
        var table = g.Initializer("embedding.weight", e.Weight.Value, e.Rows + 1, e.Dimensions);
        var axes = g.Initializer("axes_1", [1L], 1);
        var sum = g.Node("ReduceSum", [g.Node("Gather", [table, InputName], Int("axis", 0)), axes], Int("keepdims", 0));
        var isPad = g.Node("Equal", [InputName, g.Initializer("pad_id", [(long)e.Rows], 1)]);
        var used = g.Node("Cast", [g.Node("Not", [isPad])], Int("to", (long)TensorProto.Types.DataType.Float));
        var count = g.Node("Max", [g.Node("ReduceSum", [used, axes], Int("keepdims", 1)), g.Initializer("one", [1f], 1)]);
        return g.Node("Div", [sum, count]);
    }
}
