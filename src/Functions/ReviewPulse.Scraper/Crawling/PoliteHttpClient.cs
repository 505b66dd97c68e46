using System.Collections.Concurrent;
using System.Net;

namespace ReviewPulse.Scraper.Crawling;

/// <summary>Politeness settings; the defaults are what the scheduled crawler uses.</summary>
public sealed record PolitenessOptions
{
    public string UserAgent { get; init; } = "ReviewPulseBot/1.0 (+https://github.com/reviewpulse; review research, one request at a time)";

    /// <summary>Gap between two requests to one host (robots.txt Crawl-delay wins when longer).</summary>
    public TimeSpan MinDelay { get; init; } = TimeSpan.FromSeconds(2);

    public int MaxAttempts { get; init; } = 4;

    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait the client accepts (Retry-After included); longer means "try again next run".</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(20);
}

/// <summary>How a fetch ended.</summary>
public enum FetchOutcome
{
    Ok,
    NotFound,
    /// <summary>robots.txt forbids the path; nothing was requested.</summary>
    Disallowed,
    /// <summary>The host answered 403 (a bot challenge): it is left alone for the rest of the run.</summary>
    Blocked,
    /// <summary>Retries ran out (429, 5xx, time-outs) or the wait asked for was too long.</summary>
    Failed,
}

/// <summary>The result of one polite fetch.</summary>
public sealed record FetchResult(FetchOutcome Outcome, int StatusCode, byte[] Body, int Attempts, string? Reason = null);

/// <summary>
/// HTTP for crawling other people's sites: robots.txt fetched once per host and obeyed, one request at a time per host
/// with a delay between requests, exponential back-off with jitter on 429/5xx/time-outs honouring Retry-After, and a
/// host that answers 403 marked blocked and not asked again.
/// </summary>
public sealed class PoliteHttpClient(HttpClient http, PolitenessOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, HostState> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public PolitenessOptions Options => options;

    /// <summary>Hosts that answered with a bot challenge during this run.</summary>
    public IEnumerable<string> BlockedHosts => _hosts.Where(h => h.Value.Blocked).Select(h => h.Key);

    public async Task<FetchResult> GetAsync(Uri url, CancellationToken ct)
    {
        var host = _hosts.GetOrAdd(url.Authority, _ => new HostState());
        if (host.Blocked)
        {
            return new FetchResult(FetchOutcome.Blocked, 403, [], 0, $"{url.Host} answered with a bot challenge earlier in this run");
        }
        var robots = await RobotsAsync(url, host, ct);
        if (!robots.IsAllowed(url.PathAndQuery))
        {
            return new FetchResult(FetchOutcome.Disallowed, 0, [], 0, $"robots.txt of {url.Host} disallows {url.PathAndQuery}");
        }
        return await SendWithRetries(url, host, robots.CrawlDelay, ct);
    }

    private async Task<RobotsTxt> RobotsAsync(Uri url, HostState host, CancellationToken ct)
    {
        if (host.Robots is { } known)
        {
            return known;
        }
        var result = await SendWithRetries(new Uri(url, "/robots.txt"), host, null, ct);
        host.Robots = result.Outcome switch
        {
            FetchOutcome.Ok => RobotsTxt.Parse(System.Text.Encoding.UTF8.GetString(result.Body), options.UserAgent.Split('/')[0]),
            FetchOutcome.NotFound => RobotsTxt.AllowAll,
            _ when result.StatusCode is >= 400 and < 500 && result.StatusCode != 429 => RobotsTxt.AllowAll,
            _ => RobotsTxt.DisallowAll,
        };
        return host.Robots;
    }

    private async Task<FetchResult> SendWithRetries(Uri url, HostState host, TimeSpan? crawlDelay, CancellationToken ct)
    {
        var delay = crawlDelay is { } d && d > options.MinDelay ? d : options.MinDelay;
        for (var attempt = 1; ; attempt++)
        {
            var (status, body, retryAfter, error) = await SendOnce(url, host, delay, ct);
            switch (status)
            {
                case >= 200 and < 300:
                    return new FetchResult(FetchOutcome.Ok, status, body, attempt);
                case 404 or 410:
                    return new FetchResult(FetchOutcome.NotFound, status, body, attempt);
                case 403:
                    host.Blocked = true;
                    return new FetchResult(FetchOutcome.Blocked, status, body, attempt, $"{url.Host} answered 403 (bot challenge)");
                case 429 or >= 500 or 0 when attempt < options.MaxAttempts:
                    var wait = retryAfter ?? Backoff(attempt);
                    if (wait > options.MaxBackoff)
                    {
                        return new FetchResult(FetchOutcome.Failed, status, [], attempt, $"{url.Host} asked to wait {wait.TotalSeconds:0} s; retry next run");
                    }
                    await Task.Delay(wait, clock, ct);
                    break;
                case 429 or >= 500 or 0:
                    return new FetchResult(FetchOutcome.Failed, status, [], attempt, error ?? $"HTTP {status} after {attempt} attempts");
                default:
                    return new FetchResult(FetchOutcome.Failed, status, body, attempt, $"HTTP {status}");
            }
        }
    }

    /// <summary>One request, alone on its host and at least the delay after the previous one ended.</summary>
    private async Task<(int Status, byte[] Body, TimeSpan? RetryAfter, string? Error)> SendOnce(Uri url, HostState host, TimeSpan delay, CancellationToken ct)
    {
        await host.Gate.WaitAsync(ct);
        try
        {
            var wait = host.LastFinished + delay - clock.GetUtcNow();
            if (wait > TimeSpan.Zero && host.LastFinished != default)
            {
                await Task.Delay(wait, clock, ct);
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.RequestTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.UserAgent.ParseAdd(options.UserAgent);
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
                var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                return ((int)response.StatusCode, body, RetryAfter(response), null);
            }
            catch (Exception e) when ((e is OperationCanceledException && !ct.IsCancellationRequested) || e is HttpRequestException)
            {
                return (0, [], null, e is OperationCanceledException ? $"no answer within {options.RequestTimeout.TotalSeconds:0} s" : e.Message);
            }
        }
        finally
        {
            host.LastFinished = clock.GetUtcNow();
            host.Gate.Release();
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>Exponential with jitter: a random wait between half and all of base·2^(attempt−1), capped.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(options.MaxBackoff.TotalMilliseconds, options.BaseBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }

    private sealed class HostState
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset LastFinished { get; set; }

        public RobotsTxt? Robots { get; set; }

        public volatile bool Blocked;
    }
}
