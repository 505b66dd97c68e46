using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ReviewPulse.Lambda.HttpApi;

namespace ReviewPulse.Lambda.Runtime;

/// <summary>
/// The Lambda Runtime API (2018-06-01): wait for the next invocation (no timeout — the call blocks while the
/// environment is frozen), then post its response or error; report initialisation errors.
/// </summary>
public sealed class RuntimeApiClient(string runtimeApi) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan })
    {
        BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/"),
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<LambdaInvocation> NextAsync(CancellationToken ct)
    {
        using var response = await _http.GetAsync("runtime/invocation/next", ct);
        response.EnsureSuccessStatusCode();
        var id = Header(response, "Lambda-Runtime-Aws-Request-Id") ?? throw new InvalidOperationException("The Runtime API sent no request id.");
        var deadline = long.TryParse(Header(response, "Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.UtcNow.AddMinutes(15);
        return new LambdaInvocation(id, deadline, Header(response, "Lambda-Runtime-Invoked-Function-Arn"), Header(response, "Lambda-Runtime-Trace-Id"),
            await response.Content.ReadAsByteArrayAsync(ct));
    }

    public async Task RespondAsync(string requestId, byte[] body, CancellationToken ct)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync($"runtime/invocation/{requestId}/response", content, ct);
        response.EnsureSuccessStatusCode();
    }

    public Task ReportErrorAsync(string requestId, Exception error, CancellationToken ct) => PostError($"runtime/invocation/{requestId}/error", error, ct);

    public Task ReportInitErrorAsync(Exception error, CancellationToken ct) => PostError("runtime/init/error", error, ct);

    public void Dispose() => _http.Dispose();

    private async Task PostError(string path, Exception error, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new RuntimeError(error.Message, error.GetType().Name, error.StackTrace?.Split('\n', StringSplitOptions.TrimEntries) ?? []), LambdaJson.Default.RuntimeError);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.Add("Lambda-Runtime-Function-Error-Type", $"Unhandled.{error.GetType().Name}");
        using var response = await _http.PostAsync(path, content, ct);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
