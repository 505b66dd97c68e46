namespace ReviewPulse.Scraper.Crawling;

/// <summary>
/// robots.txt as RFC 9309 reads it: the group for our product token (else "*"), Allow/Disallow with the longest match
/// winning (Allow on a tie), <c>*</c> and <c>$</c> in patterns, and the non-standard Crawl-delay, which we honour.
/// </summary>
public sealed class RobotsTxt
{
    private readonly List<(string Pattern, bool Allow)> _rules;

    private RobotsTxt(List<(string, bool)> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>Everything allowed (robots.txt missing: 4xx).</summary>
    public static RobotsTxt AllowAll { get; } = new([], null);

    /// <summary>Nothing allowed (robots.txt unreachable: 5xx or network failure).</summary>
    public static RobotsTxt DisallowAll { get; } = new([("/", false)], null);

    public TimeSpan? CrawlDelay { get; }

    public static RobotsTxt Parse(string content, string productToken)
    {
        var groups = new List<Group>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine.Split('#')[0].Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (!lastWasAgent || current is null)
                {
                    groups.Add(current = new Group());
                }
                current.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (current is null)
            {
                continue;
            }
            if (key is "allow" or "disallow" && value.Length > 0)
            {
                current.Rules.Add((value, key == "allow"));
            }
            else if (key == "crawl-delay" && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                current.Delay = TimeSpan.FromSeconds(seconds);
            }
        }
        var token = productToken.ToLowerInvariant();
        var group = groups.FirstOrDefault(g => g.Agents.Any(a => a != "*" && token.Contains(a, StringComparison.Ordinal)))
            ?? groups.FirstOrDefault(g => g.Agents.Contains("*"));
        return group is null ? AllowAll : new RobotsTxt(group.Rules, group.Delay);
    }

    /// <summary>Whether a path with its query (e.g. <c>/review/x?page=2</c>) may be fetched.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        var best = -1;
        var allowed = true;
        foreach (var (pattern, allow) in _rules)
        {
            if (Matches(pattern, pathAndQuery) && (pattern.Length > best || (pattern.Length == best && allow)))
            {
                best = pattern.Length;
                allowed = allow;
            }
        }
        return allowed;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var parts = (anchored ? pattern[..^1] : pattern).Split('*');
        if (!path.StartsWith(parts[0], StringComparison.Ordinal))
        {
            return false;
        }
        var at = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            var found = path.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }
            at = found + parts[i].Length;
        }
        return !anchored || at == path.Length || (parts.Length > 1 && path.EndsWith(parts[^1], StringComparison.Ordinal));
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<(string Pattern, bool Allow)> Rules { get; } = [];

        public TimeSpan? Delay { get; set; }
    }
}
