using Microsoft.Extensions.Logging;
using ReviewPulse.Core.Crawling;
using ReviewPulse.Core.Reviews;
using ReviewPulse.Scraper.Parsing;

namespace ReviewPulse.Scraper.Crawling;

/// <summary>What to crawl and how far.</summary>
public sealed record CrawlOptions
{
    public Uri BaseUrl { get; init; } = new("https://www.trustpilot.com/");

    /// <summary>Category ids whose business lists are walked (e.g. <c>animals_pets</c>).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Business domains crawled whatever the categories say.</summary>
    public IReadOnlyList<string> Businesses { get; init; } = [];

    /// <summary>Review language kept (<c>all</c> keeps every language).</summary>
    public string Language { get; init; } = "en";

    public int MaxCategoryPages { get; init; } = 5;

    public int MaxBusinesses { get; init; } = 200;

    public int MaxPagesPerBusiness { get; init; } = 50;

    /// <summary>Time kept free before the deadline (Lambda must answer before its time-out).</summary>
    public TimeSpan SafetyMargin { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a blocked host is left alone.</summary>
    public TimeSpan BlockedCoolDown { get; init; } = TimeSpan.FromHours(24);
}

/// <summary>What one run did.</summary>
public sealed record CrawlReport(int PagesFetched, int ReviewsNew, int ReviewsDuplicate, int Errors, int BusinessesCompleted,
    IReadOnlyList<string> BlockedHosts, bool StoppedForDeadline, bool LeaseHeldElsewhere);

/// <summary>
/// Categories → businesses → review pages, newest first. Incremental (stops at the newest review of the last complete
/// pass), resumable (state saved after every page), alone (a store lease), and within a deadline.
/// </summary>
public sealed partial class Crawler(PoliteHttpClient http, ICrawlStore crawlStore, IReviewStore reviewStore, CrawlOptions options,
    TimeProvider clock, ILogger<Crawler> logger)
{
    private int _pages;
    private int _new;
    private int _duplicates;
    private int _errors;
    private int _completed;
    private bool _outOfTime;

    public async Task<CrawlReport> RunAsync(DateTimeOffset deadline, CancellationToken ct)
    {
        var owner = $"crawler-{Guid.NewGuid():n}";
        if (!await crawlStore.TryAcquireLeaseAsync(owner, clock.GetUtcNow(), deadline - clock.GetUtcNow() + options.SafetyMargin, ct))
        {
            LogLeaseHeld();
            return Report(leaseHeld: true);
        }
        // Network waits (delays, retries, back-off, slow answers) are cut at the deadline less the margin; a page cut
        // short is simply fetched again next run, since state is saved only after a page is stored.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var budget = deadline - options.SafetyMargin - clock.GetUtcNow();
        stop.CancelAfter(budget > TimeSpan.Zero ? budget : TimeSpan.Zero);
        try
        {
            var businesses = new List<string>(options.Businesses);
            foreach (var category in options.Categories)
            {
                businesses.AddRange(await ListCategoryAsync(category, deadline, stop.Token, ct));
            }
            foreach (var domain in businesses.Distinct(StringComparer.OrdinalIgnoreCase).Take(options.MaxBusinesses))
            {
                if (!HasTime(deadline))
                {
                    break;
                }
                await CrawlBusinessAsync(domain, deadline, stop.Token, ct);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            _outOfTime = true;
        }
        finally
        {
            await crawlStore.ReleaseLeaseAsync(owner, CancellationToken.None);
        }
        return Report(leaseHeld: false);
    }

    private CrawlReport Report(bool leaseHeld) =>
        new(_pages, _new, _duplicates, _errors, _completed, [.. http.BlockedHosts], _outOfTime, leaseHeld);

    private bool HasTime(DateTimeOffset deadline)
    {
        // A page may cost the delay, retries and a time-out: stop while that still fits.
        var needed = options.SafetyMargin + http.Options.MinDelay + http.Options.RequestTimeout;
        _outOfTime |= clock.GetUtcNow() + needed > deadline;
        return !_outOfTime;
    }

    /// <param name="network">Cancelled at the deadline: used for fetching only.</param>
    /// <param name="ct">The caller's token: used for store writes, so a started write finishes.</param>
    private async Task<List<string>> ListCategoryAsync(string category, DateTimeOffset deadline, CancellationToken network, CancellationToken ct)
    {
        var found = new List<string>();
        for (var page = 1; page <= options.MaxCategoryPages && HasTime(deadline); page++)
        {
            var result = await http.GetAsync(new Uri(options.BaseUrl, $"categories/{Uri.EscapeDataString(category)}{(page > 1 ? $"?page={page}" : "")}"), network);
            _pages += result.Attempts > 0 ? 1 : 0;
            if (result.Outcome != FetchOutcome.Ok)
            {
                _errors++;
                LogFetchFailed($"category {category} page {page}", result.Outcome.ToString(), result.Reason);
                break;
            }
            if (TryParse(result, $"category {category} page {page}", out _) is not { Category: { } listing } parsed)
            {
                break;
            }
            await reviewStore.AddBrandsAsync([.. listing.Businesses.Select(b => new Brand(b.Domain, b.Name, listing.Name))], ct);
            found.AddRange(listing.Businesses.Select(b => b.Domain));
            if (parsed.Pagination is not { } p || page >= p.TotalPages)
            {
                break;
            }
        }
        return found;
    }

    private async Task CrawlBusinessAsync(string domain, DateTimeOffset deadline, CancellationToken network, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var state = await crawlStore.GetCrawlStateAsync(domain, ct) ?? new CrawlState(domain, CrawlState.Pending, 1, null, null, 0, null, now);
        if (state.Status == CrawlState.NotFound || (state.Status == CrawlState.Blocked && now - state.UpdatedAt < options.BlockedCoolDown))
        {
            return;
        }
        while (HasTime(deadline))
        {
            var (next, done) = await CrawlPageAsync(state, network, ct);
            state = await crawlStore.SaveCrawlStateAsync(next with { UpdatedAt = clock.GetUtcNow() }, ct)
                ?? throw new InvalidOperationException($"Crawl state of {domain} was changed by another run despite the lease.");
            if (done)
            {
                _completed += state.Status == CrawlState.UpToDate ? 1 : 0;
                return;
            }
        }
    }

    /// <summary>Fetches the state's next page; returns the state to save and whether this business is finished for now.</summary>
    private async Task<(CrawlState State, bool Done)> CrawlPageAsync(CrawlState state, CancellationToken network, CancellationToken ct)
    {
        var page = state.NextPage;
        var query = $"?languages={Uri.EscapeDataString(options.Language)}&sort=recency{(page > 1 ? $"&page={page}" : "")}";
        var result = await http.GetAsync(new Uri(options.BaseUrl, $"review/{state.BrandId}{query}"), network);
        _pages += result.Attempts > 0 ? 1 : 0;
        switch (result.Outcome)
        {
            case FetchOutcome.Blocked:
                _errors++;
                return (state with { Status = CrawlState.Blocked, LastError = result.Reason }, true);
            case FetchOutcome.NotFound:
                return (state with { Status = CrawlState.NotFound, LastError = null }, true);
            case not FetchOutcome.Ok:
                _errors++;
                LogFetchFailed($"{state.BrandId} page {page}", result.Outcome.ToString(), result.Reason);
                return (state with { Status = CrawlState.Failing, Failures = state.Failures + 1, LastError = result.Reason }, true);
        }
        if (TryParse(result, $"{state.BrandId} page {page}", out var error) is not { } parsed)
        {
            return (state with { Status = CrawlState.Failing, Failures = state.Failures + 1, LastError = error }, true);
        }
        if (parsed.Kind == PageKind.NotFound)
        {
            return (state with { Status = CrawlState.NotFound }, true);
        }
        return await StorePageAsync(state, parsed, ct);
    }

    private async Task<(CrawlState State, bool Done)> StorePageAsync(CrawlState state, TrustpilotPage parsed, CancellationToken ct)
    {
        if (state.NextPage == 1 && parsed.Business is { Domain.Length: > 0 } unit)
        {
            await reviewStore.AddBrandsAsync([new Brand(state.BrandId, unit.Name.Length > 0 ? unit.Name : state.BrandId, unit.Category ?? "Other")], ct);
        }
        var kept = parsed.Reviews
            .Where(r => r.PublishedAt is not null && (options.Language == "all" || string.Equals(r.Language, options.Language, StringComparison.OrdinalIgnoreCase)))
            .Select(r => new CollectedReview(r.Id, state.BrandId, r.Rating, r.Title, r.Text, r.Language, r.PublishedAt!.Value))
            .ToList();
        var added = kept.Count == 0 ? 0 : await crawlStore.AddCollectedReviewsAsync(kept, ct);
        _new += added;
        _duplicates += kept.Count - added;
        var newestOnPage = parsed.Reviews.Max(r => r.PublishedAt);
        var crawlNewest = Max(state.CrawlNewestSeen, newestOnPage);
        var reachedKnown = state.NewestSeen is { } known && parsed.Reviews.Any(r => r.PublishedAt <= known);
        var lastPage = parsed.Pagination is not { } p || state.NextPage >= p.TotalPages || parsed.Reviews.Count == 0 || state.NextPage >= options.MaxPagesPerBusiness;
        if (reachedKnown || lastPage)
        {
            return (state with
            {
                Status = CrawlState.UpToDate,
                NextPage = 1,
                NewestSeen = Max(state.NewestSeen, crawlNewest),
                CrawlNewestSeen = null,
                Failures = 0,
                LastError = null,
            }, true);
        }
        return (state with { Status = CrawlState.InProgress, NextPage = state.NextPage + 1, CrawlNewestSeen = crawlNewest, Failures = 0, LastError = null }, false);
    }

    /// <summary>Parses a fetched page; an unusable one counts as an error, is logged, and yields null with the reason.</summary>
    private TrustpilotPage? TryParse(FetchResult result, string what, out string? error)
    {
        try
        {
            error = null;
            return TrustpilotParser.Parse(result.Body);
        }
        catch (UnsupportedPageException e)
        {
            _errors++;
            LogFetchFailed(what, "unsupported", e.Message);
            error = e.Message;
            return null;
        }
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another crawl run holds the lease; this one does nothing")]
    private partial void LogLeaseHeld();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching {What} ended {Outcome}: {Reason}")]
    private partial void LogFetchFailed(string what, string outcome, string? reason);
}
