namespace ReviewPulse.Training.Data;

/// <summary>One review as read from a corpus file.</summary>
internal sealed record CorpusRow(string Text, int Stars, string Company, string Title, string Date, string Language);

/// <summary>Why rows were rejected, with counts, so a run reports bad input instead of crashing on it.</summary>
internal sealed class RejectCounts
{
    private readonly Dictionary<string, long> _counts = [];

    public long Total => _counts.Values.Sum();

    public IReadOnlyDictionary<string, long> ByReason => _counts;

    public void Add(string reason) => _counts[reason] = _counts.GetValueOrDefault(reason) + 1;
}
