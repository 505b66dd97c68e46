namespace ReviewPulse.Core.Text;

/// <summary>
/// The tutorial's character quantisation (Zhang, Zhao &amp; LeCun 2015): lower-case, keep only the 69-character
/// alphabet, read the text backwards from its end, truncate or pad to a fixed length.
/// </summary>
public sealed class CharacterEncoder : ITextEncoder
{
    /// <summary>The tutorial's alphabet, 69 characters in this order (space included, newline not).</summary>
    public const string TutorialAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789-,;.!?:'\"/\\|_@#$%^&*~`+ =<>()[]{}";

    private const byte Unknown = byte.MaxValue;
    private readonly byte[] _lookup = new byte[128];

    public CharacterEncoder(string alphabet, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (alphabet.Length is 0 or >= Unknown || alphabet.Any(c => c >= 128) || alphabet.Distinct().Count() != alphabet.Length)
        {
            throw new ArgumentException("The alphabet must be 1–254 distinct ASCII characters.", nameof(alphabet));
        }
        Alphabet = alphabet;
        MaxLength = maxLength;
        Array.Fill(_lookup, Unknown);
        for (var i = 0; i < alphabet.Length; i++)
        {
            _lookup[alphabet[i]] = (byte)i;
        }
    }

    public string Alphabet { get; }

    public int MaxLength { get; }

    public int PadIndex => Alphabet.Length;

    public bool FixedLength => true;

    public int Encode(ReadOnlySpan<char> text, Span<int> ids)
    {
        text = text.TrimEnd();
        var written = 0;
        for (var i = text.Length - 1; i >= 0 && written < MaxLength; i--)
        {
            var c = char.ToLowerInvariant(text[i]);
            if (c < 128 && _lookup[c] != Unknown)
            {
                ids[written++] = _lookup[c];
            }
        }
        ids[written..MaxLength].Fill(PadIndex);
        return MaxLength;
    }
}
