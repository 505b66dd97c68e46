using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReviewPulse.Lambda.HttpApi;

namespace ReviewPulse.Lambda.Runtime;

/// <summary>
/// An <see cref="IServer"/> that takes requests from the Lambda Runtime API instead of a socket. Polling starts once
/// the application has fully started (model loaded, store ready), so the first invocation is served warm.
/// </summary>
public sealed partial class LambdaServer(IHostApplicationLifetime lifetime, ILogger<LambdaServer> logger, LambdaServerOptions options) : IServer
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        _loop = Task.Run(async () =>
        {
            await started.Task.WaitAsync(_stopping.Token);
            await RunAsync(application, _stopping.Token);
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAny(_loop, Task.Delay(Timeout.Infinite, cancellationToken));
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync<TContext>(IHttpApplication<TContext> application, CancellationToken ct) where TContext : notnull
    {
        using var runtime = new RuntimeApiClient(options.RuntimeApi);
        while (!ct.IsCancellationRequested)
        {
            LambdaInvocation invocation;
            try
            {
                invocation = await runtime.NextAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", invocation.TraceId);
            try
            {
                var response = await HttpApiBridge.InvokeAsync(application, invocation, options.MaxRequestBodyBytes);
                await runtime.RespondAsync(invocation.AwsRequestId, JsonSerializer.SerializeToUtf8Bytes(response, LambdaJson.Default.HttpApiResponse), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogInvocationFailed(e, invocation.AwsRequestId);
                await runtime.ReportErrorAsync(invocation.AwsRequestId, e, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Invocation {RequestId} failed")]
    private partial void LogInvocationFailed(Exception exception, string requestId);
}

/// <summary>Settings of the Lambda server.</summary>
public sealed record LambdaServerOptions(string RuntimeApi, long MaxRequestBodyBytes);

/// <summary>Registration of the Lambda server in place of Kestrel.</summary>
public static class LambdaHosting
{
    /// <summary>The Runtime API address Lambda gives the process; null outside Lambda.</summary>
    public static string? RuntimeApi => Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API") is { Length: > 0 } api ? api : null;

    public static IServiceCollection AddLambdaServer(this IServiceCollection services, string runtimeApi, long maxRequestBodyBytes)
    {
        services.AddSingleton(new LambdaServerOptions(runtimeApi, maxRequestBodyBytes));
        return services.AddSingleton<IServer, LambdaServer>();
    }

    /// <summary>Tells Lambda the function could not start (shown in the console and logs), then lets the process exit.</summary>
    public static async Task ReportInitErrorAsync(Exception error)
    {
        if (RuntimeApi is { } api)
        {
            using var runtime = new RuntimeApiClient(api);
            await runtime.ReportInitErrorAsync(error, CancellationToken.None);
        }
    }
}
