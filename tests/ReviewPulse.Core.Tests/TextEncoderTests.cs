using ReviewPulse.Core.Text;

namespace ReviewPulse.Core.Tests;

public sealed class TextEncoderTests
{
    private static readonly CharacterEncoder Tutorial = new(CharacterEncoder.TutorialAlphabet, 8);

    [Fact]
    public void Tutorial_alphabet_has_69_characters_with_space_and_without_newline()
    {
        Assert.Equal(69, CharacterEncoder.TutorialAlphabet.Length);
        Assert.Contains(' ', CharacterEncoder.TutorialAlphabet);
        Assert.DoesNotContain('\n', CharacterEncoder.TutorialAlphabet);
        Assert.Equal(69, Tutorial.PadIndex);
    }

    [Fact]
    public void Encodes_like_the_tutorial_lower_cased_reversed_unknowns_dropped_padded()
    {
        var ids = new int[8];
        Tutorial.Encode("Hé\nY!  ", ids); // trailing spaces stripped, é and newline dropped
        int[] expected = [Id('!'), Id('y'), Id('h'), 69, 69, 69, 69, 69];
        Assert.Equal(expected, ids);
    }

    [Fact]
    public void Long_text_keeps_its_last_characters_as_the_tutorial_truncates_after_reversing()
    {
        var ids = new int[8];
        Tutorial.Encode("abcdefghijklmnop", ids);
        Assert.Equal("ponmlkji".Select(Id), ids);
    }

    [Fact]
    public void Rejects_a_bad_alphabet()
    {
        Assert.Throws<ArgumentException>(() => new CharacterEncoder("aab", 10));
        Assert.Throws<ArgumentException>(() => new CharacterEncoder("aé", 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CharacterEncoder("ab", 0));
    }

    [Fact]
    public void Hashed_ngrams_are_case_insensitive_bounded_and_deterministic()
    {
        var encoder = new HashedNgramEncoder(1000, 2, 3, 4, 64);
        var a = new int[64];
        var b = new int[64];
        var n = encoder.Encode("Great service, GREAT price!", a);
        Assert.Equal(n, encoder.Encode("great   service great price", b));
        Assert.Equal(a[..n], b[..n]);
        Assert.All(a[..n], id => Assert.InRange(id, 0, 999));
        // 4 words + 3 bigrams + character 3- and 4-grams of "<great>", "<service>", "<great>", "<price>"
        Assert.Equal(4 + 3 + (5 + 4) + (7 + 6) + (5 + 4) + (5 + 4), n);
        Assert.Equal(0, encoder.Encode("  ...  ", a));
        Assert.Equal(64, encoder.Encode(string.Join(' ', Enumerable.Repeat("word", 100)), a));
    }

    [Fact]
    public void Word_order_matters_only_through_bigrams()
    {
        var encoder = new HashedNgramEncoder(1 << 20, 2, 0, 0, 64);
        var a = new int[64];
        var b = new int[64];
        var n = encoder.Encode("not good", a);
        encoder.Encode("good not", b);
        Assert.Equal(3, n);
        Assert.Equal(a[..2].Order(), b[..2].Order());
        Assert.NotEqual(a[2], b[2]);
    }

    private static int Id(char c) => CharacterEncoder.TutorialAlphabet.IndexOf(c);
}
