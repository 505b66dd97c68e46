using System.Text;
using Microsoft.Extensions.Logging;
using ReviewPulse.Lambda.Runtime;

namespace ReviewPulse.Scraper.Runs;

/// <summary>
/// The scheduled Lambda: each EventBridge invocation crawls until shortly before the invocation's deadline (state is
/// saved after every page, so the next hour continues), then answers with the run's report.
/// </summary>
public static class ScheduledFunction
{
    public static readonly TimeSpan SafetyMargin = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(string runtimeApi, CancellationToken ct)
    {
        using var logging = LoggerFactory.Create(b => b.AddJsonConsole());
        using var runtime = new RuntimeApiClient(runtimeApi);
        var settings = ScraperSettings.Load();
        var problems = settings.Validate().ToList();
        if (problems.Count > 0)
        {
            await runtime.ReportInitErrorAsync(new InvalidOperationException("Configuration is invalid: " + string.Join(" ", problems)), ct);
            return 1;
        }
        while (!ct.IsCancellationRequested)
        {
            var invocation = await runtime.NextAsync(ct);
            try
            {
                var report = await ScrapeRun.RunAsync(settings, invocation.Deadline, SafetyMargin, logging, ct);
                await runtime.RespondAsync(invocation.AwsRequestId, Encoding.UTF8.GetBytes(ScrapeRun.ToJson(report)), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await runtime.ReportErrorAsync(invocation.AwsRequestId, e, ct);
            }
        }
        return 0;
    }
}
