using ReviewPulse.Core.Text;

namespace ReviewPulse.Training.Engine;

/// <summary>A batch of texts encoded to ids, padded to the batch's width (a fixed-length encoder's length).</summary>
internal sealed class EncodedBatch(ITextEncoder encoder, int capacity)
{
    private readonly int[] _scratch = new int[encoder.MaxLength];

    public int[] Ids { get; private set; } = new int[capacity * (encoder.FixedLength ? encoder.MaxLength : 64)];

    public int[] Counts { get; } = new int[capacity];

    public int[] Labels { get; } = new int[capacity];

    public int Count { get; private set; }

    public int Width { get; private set; }

    public ReadOnlySpan<int> Row(int i) => Ids.AsSpan(i * Width, Width);

    public void Fill(IReadOnlyList<string> texts, IReadOnlyList<int>? labels)
    {
        Count = texts.Count;
        var encoded = new int[Count][];
        Width = encoder.FixedLength ? encoder.MaxLength : 1;
        for (var i = 0; i < Count; i++)
        {
            Counts[i] = encoder.Encode(texts[i], _scratch);
            encoded[i] = _scratch[..Counts[i]];
            Width = Math.Max(Width, Counts[i]);
            Labels[i] = labels?[i] ?? 0;
        }
        if (Ids.Length < Count * Width)
        {
            Ids = new int[Count * Width];
        }
        for (var i = 0; i < Count; i++)
        {
            var row = Ids.AsSpan(i * Width, Width);
            encoded[i].CopyTo(row);
            row[encoded[i].Length..].Fill(encoder.PadIndex);
        }
    }
}
