using System.Numerics.Tensors;

namespace ReviewPulse.Training.Engine;

/// <summary>Mean of embedding rows over each sample's ids (padding id excluded); gradients touch only used rows.</summary>
internal sealed class EmbeddingBag
{
    public EmbeddingBag(string name, int rows, int dimensions)
    {
        Rows = rows;
        Dimensions = dimensions;
        Weight = new Parameter($"{name}.weight", rows + 1, dimensions) { TouchedRows = new RowSet(rows + 1) };
    }

    /// <summary>Real rows; row <see cref="Rows"/> is the padding row and stays zero.</summary>
    public int Rows { get; }

    public int Dimensions { get; }

    public Parameter Weight { get; }

    public void Forward(ReadOnlySpan<int> ids, int count, Span<float> output)
    {
        output.Clear();
        if (count == 0)
        {
            return;
        }
        foreach (var id in ids[..count])
        {
            TensorPrimitives.Add(output, Weight.Value.AsSpan(id * Dimensions, Dimensions), output);
        }
        TensorPrimitives.Multiply(output, 1f / count, output);
    }

    /// <summary>Adds dOutput/count to every used row. Not thread-safe: call for one sample at a time.</summary>
    public void Backward(ReadOnlySpan<int> ids, int count, ReadOnlySpan<float> dOutput)
    {
        if (count == 0)
        {
            return;
        }
        var scale = 1f / count;
        foreach (var id in ids[..count])
        {
            var row = Weight.Grad.AsSpan(id * Dimensions, Dimensions);
            TensorPrimitives.MultiplyAdd(dOutput, scale, row, row);
            Weight.TouchedRows!.Add(id);
        }
    }
}
