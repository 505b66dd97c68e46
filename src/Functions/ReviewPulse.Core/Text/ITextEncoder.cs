namespace ReviewPulse.Core.Text;

/// <summary>Turns a text into the integer ids a model reads; trainer and API share it so both encode identically.</summary>
public interface ITextEncoder
{
    /// <summary>Id that fills unused positions; its embedding is all zeros.</summary>
    int PadIndex { get; }

    /// <summary>Most ids one text can produce.</summary>
    int MaxLength { get; }

    /// <summary>True when the model needs exactly <see cref="MaxLength"/> ids per text (a CNN's fixed input).</summary>
    bool FixedLength { get; }

    /// <summary>Writes the ids of <paramref name="text"/> into <paramref name="ids"/> and returns how many it wrote.</summary>
    int Encode(ReadOnlySpan<char> text, Span<int> ids);
}
