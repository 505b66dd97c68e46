using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReviewPulse.Scraper.Tests.FakeSite;

/// <summary>
/// A stand-in for trustpilot.com on loopback: robots.txt, pages, and scripted misbehaviour per path (429 with
/// Retry-After, 5xx, 403 challenges, slow or truncated answers). Every request is logged with its timing.
/// </summary>
public sealed class FakeTrustpilot : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> _scripts = new();
    private int _inFlight;

    public FakeTrustpilot()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(Handle);
    }

    /// <summary>robots.txt body; null answers 404.</summary>
    public string? Robots { get; set; } = "User-agent: *\nAllow: /\n";

    /// <summary>The page served for a path with no script (default: a tiny valid HTML page).</summary>
    public Func<HttpContext, Task> Default { get; set; } = http => http.Response.WriteAsync("<html><body>ok</body></html>");

    public ConcurrentQueue<RequestRecord> Log { get; } = new();

    public int MaxConcurrency { get; private set; }

    public Uri BaseAddress { get; private set; } = null!;

    public async Task StartAsync()
    {
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/");
    }

    /// <summary>Queues answers for a path (and query); each request takes the next, then the default applies.</summary>
    public void Script(string pathAndQuery, params Func<HttpContext, Task>[] answers)
    {
        var queue = _scripts.GetOrAdd(pathAndQuery, _ => new());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    public static Func<HttpContext, Task> Status(int status, string? retryAfter = null) => http =>
    {
        http.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            http.Response.Headers.RetryAfter = retryAfter;
        }
        return http.Response.WriteAsync(status == 403 ? "<html><body>Please verify you are a human</body></html>" : "");
    };

    public static Func<HttpContext, Task> Slow(TimeSpan delay) => async http =>
    {
        await Task.Delay(delay, http.RequestAborted);
        await http.Response.WriteAsync("late");
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task Handle(HttpContext http)
    {
        var started = DateTimeOffset.UtcNow;
        var concurrent = Interlocked.Increment(ref _inFlight);
        lock (this)
        {
            MaxConcurrency = Math.Max(MaxConcurrency, concurrent);
        }
        var target = http.Request.Path + http.Request.QueryString;
        try
        {
            if (http.Request.Path == "/robots.txt" && !_scripts.ContainsKey("/robots.txt"))
            {
                http.Response.StatusCode = Robots is null ? 404 : 200;
                await http.Response.WriteAsync(Robots ?? "");
            }
            else if (_scripts.TryGetValue(target, out var queue) && queue.TryDequeue(out var answer))
            {
                await answer(http);
            }
            else
            {
                await Default(http);
            }
        }
        catch (OperationCanceledException)
        {
            // The client gave up (time-out test).
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            Log.Enqueue(new RequestRecord(target, started, DateTimeOffset.UtcNow, http.Request.Headers.UserAgent.ToString()));
        }
    }
}

/// <summary>One request the fake site received.</summary>
public sealed record RequestRecord(string PathAndQuery, DateTimeOffset Started, DateTimeOffset Ended, string UserAgent);
