using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReviewPulse.Tests.Shared;

/// <summary>The Lambda Runtime API as the function process sees it, on loopback: hands out queued events, collects answers.</summary>
public sealed class FakeRuntimeApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(string Id, byte[] Payload)> _events = Channel.CreateUnbounded<(string, byte[])>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(string Kind, string Body)>> _answers = new();
    private int _next;

    public FakeRuntimeApi()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/2018-06-01/runtime/invocation/next", async http =>
        {
            var (id, payload) = await _events.Reader.ReadAsync(http.RequestAborted);
            http.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = id;
            http.Response.Headers["Lambda-Runtime-Deadline-Ms"] = DateTimeOffset.UtcNow.Add(Timeout).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:eu-west-1:123456789012:function:api";
            http.Response.Headers["Lambda-Runtime-Trace-Id"] = $"Root=1-{id}";
            http.Response.ContentType = "application/json";
            await http.Response.Body.WriteAsync(payload);
        });
        _app.MapPost("/2018-06-01/runtime/invocation/{id}/response", http => Answer((string)http.Request.RouteValues["id"]!, "response", http));
        _app.MapPost("/2018-06-01/runtime/invocation/{id}/error", http => Answer((string)http.Request.RouteValues["id"]!, "error", http));
        _app.MapPost("/2018-06-01/runtime/init/error", http => Answer("init", "init-error", http));
    }

    public string Address { get; private set; } = "";

    /// <summary>Time each invocation gets (the function's timeout).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public async Task StartAsync()
    {
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Authority;
    }

    /// <summary>Queues an event and waits for the function's answer (kind: response or error).</summary>
    public async Task<(string Kind, string Body)> InvokeAsync(byte[] payload, TimeSpan timeout)
    {
        var id = $"invocation-{Interlocked.Increment(ref _next)}";
        var answer = _answers.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        await _events.Writer.WriteAsync((id, payload));
        return await answer.Task.WaitAsync(timeout);
    }

    public Task<(string Kind, string Body)> InitError(TimeSpan timeout) =>
        _answers.GetOrAdd("init", _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(timeout);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task Answer(string id, string kind, HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        _answers.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult((kind, body));
        http.Response.StatusCode = StatusCodes.Status202Accepted;
    }
}
