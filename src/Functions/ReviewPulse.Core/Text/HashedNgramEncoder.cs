namespace ReviewPulse.Core.Text;

/// <summary>
/// fastText-style features: hashed word n-grams plus hashed character n-grams of each word (with boundary marks),
/// each mapped to one of <see cref="Buckets"/> embedding rows.
/// </summary>
public sealed class HashedNgramEncoder : ITextEncoder
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;
    private const int MaxWordLength = 64;

    public HashedNgramEncoder(int buckets, int wordNgrams, int charNgramMin, int charNgramMax, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(wordNgrams, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(wordNgrams, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (charNgramMin > charNgramMax || charNgramMin < 0)
        {
            throw new ArgumentException("Character n-gram sizes must satisfy 0 <= min <= max (0 turns them off).");
        }
        Buckets = buckets;
        WordNgrams = wordNgrams;
        CharNgramMin = charNgramMin;
        CharNgramMax = charNgramMax;
        MaxLength = maxLength;
    }

    public int Buckets { get; }

    public int WordNgrams { get; }

    public int CharNgramMin { get; }

    public int CharNgramMax { get; }

    public int MaxLength { get; }

    public int PadIndex => Buckets;

    public bool FixedLength => false;

    public int Encode(ReadOnlySpan<char> text, Span<int> ids)
    {
        Span<char> word = stackalloc char[MaxWordLength + 2];
        Span<uint> previous = stackalloc uint[WordNgrams]; // hashes of the preceding words, nearest first; 0 = none
        var count = 0;
        var position = 0;
        while (count < MaxLength && NextWord(text, ref position, word[1..^1], out var length))
        {
            var wordHash = Fnv(word.Slice(1, length), FnvOffset);
            count = Add(ids, count, wordHash);
            var ngram = wordHash;
            for (var n = 2; n <= WordNgrams && previous[n - 2] != 0; n++)
            {
                ngram = Mix(previous[n - 2], ngram, (uint)n);
                count = Add(ids, count, ngram);
            }
            previous[..^1].CopyTo(previous[1..]);
            previous[0] = wordHash;
            count = AddCharNgrams(ids, count, word[..(length + 2)]);
        }
        return count;
    }

    private int AddCharNgrams(Span<int> ids, int count, Span<char> marked)
    {
        if (CharNgramMin == 0)
        {
            return count;
        }
        marked[0] = '<';
        marked[^1] = '>';
        for (var n = CharNgramMin; n <= CharNgramMax && n < marked.Length; n++)
        {
            for (var start = 0; start + n <= marked.Length && count < MaxLength; start++)
            {
                count = Add(ids, count, Fnv(marked.Slice(start, n), FnvOffset ^ 0x9E3779B9u));
            }
        }
        return count;
    }

    private int Add(Span<int> ids, int count, uint hash)
    {
        if (count < MaxLength)
        {
            ids[count++] = (int)(hash % (uint)Buckets);
        }
        return count;
    }

    private static bool NextWord(ReadOnlySpan<char> text, ref int position, Span<char> word, out int length)
    {
        while (position < text.Length && !char.IsLetterOrDigit(text[position]))
        {
            position++;
        }
        length = 0;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '\''))
        {
            if (length < word.Length)
            {
                word[length++] = char.ToLowerInvariant(text[position]);
            }
            position++;
        }
        return length > 0;
    }

    private static uint Fnv(ReadOnlySpan<char> chars, uint seed)
    {
        var hash = seed;
        foreach (var c in chars)
        {
            hash = (hash ^ c) * FnvPrime;
        }
        return hash == 0 ? 1 : hash;
    }

    private static uint Mix(uint left, uint right, uint order)
    {
        var hash = (left * 0x85EBCA6Bu) ^ (right + 0x27D4EB2Fu + (order << 6));
        hash ^= hash >> 15;
        hash *= 0xC2B2AE35u;
        hash ^= hash >> 13;
        return hash == 0 ? 1 : hash;
    }
}
