using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ReviewPulse.Api.Configuration;

namespace ReviewPulse.Api;

/// <summary>Per-client limits on predict and submit, partitioned by a keyed hash of the client address.</summary>
public static class RateLimits
{
    public const string Predict = "predict";
    public const string Submit = "submit";

    public static IServiceCollection AddReviewPulseRateLimits(this IServiceCollection services, LimitSettings limits) =>
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Predict, http => RateLimitPartition.GetTokenBucketLimiter(ClientKey(http), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.PredictBurst,
                TokensPerPeriod = limits.PredictPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            }));
            o.AddPolicy(Submit, http => RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.SubmitPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Problems.Result(429, "Too many requests", $"Rate limit reached; retry after {retryAfter} s.").ExecuteAsync(context.HttpContext);
            };
        });

    private static string ClientKey(HttpContext http) =>
        http.RequestServices.GetRequiredService<Security.Signer>().ClientKey(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
