using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using ReviewPulse.Lambda.HttpApi;
using ReviewPulse.Lambda.Runtime;

namespace ReviewPulse.Lambda.Tests;

/// <summary>Each event file in Events/ is one edge case of the HTTP API v2 ↔ ASP.NET Core bridge.</summary>
public sealed class BridgeTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private CapturingServer _server = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton<IServer, CapturingServer>();
        _app = builder.Build();
        _app.Map("/echo", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            return Results.Json(new Dictionary<string, object?>
            {
                ["method"] = http.Request.Method,
                ["pathBase"] = http.Request.PathBase.Value,
                ["path"] = http.Request.Path.Value,
                ["query"] = http.Request.QueryString.Value,
                ["a"] = http.Request.Query["a"].ToArray(),
                ["b"] = http.Request.Query["b"].ToString(),
                ["cookie"] = http.Request.Headers.Cookie.ToString(),
                ["theme"] = http.Request.Cookies["theme"],
                ["xList"] = http.Request.Headers["x-list"].ToArray(),
                ["accept"] = http.Request.Headers.Accept.ToArray(),
                ["remoteIp"] = http.Connection.RemoteIpAddress?.ToString(),
                ["traceId"] = http.TraceIdentifier,
                ["body"] = Convert.ToBase64String(buffer.ToArray()),
                ["text"] = Encoding.UTF8.GetString(buffer.ToArray()),
            });
        });
        _app.Map("/set-cookies", (HttpContext http) =>
        {
            http.Response.Cookies.Append("a", "1");
            http.Response.Cookies.Append("b", "2", new CookieOptions { HttpOnly = true });
            http.Response.Headers.Append("x-multi", "one");
            http.Response.Headers.Append("x-multi", "two");
            http.Response.OnStarting(() =>
            {
                http.Response.Headers["x-on-starting"] = "ran";
                return Task.CompletedTask;
            });
            return Results.Text("ok");
        });
        _app.MapPost("/bind", (BoundBody body) => Results.Text(body.Text));
        _app.Map("/binary", () => Results.Bytes([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF], "image/png"));
        _app.Map("/unflushed", async (HttpContext http) =>
        {
            http.Response.ContentType = "text/plain";
            await http.Response.BodyWriter.WriteAsync("written but not flushed"u8.ToArray());
        });
        _app.Map("/throws", (Func<IResult>)(() => throw new InvalidOperationException("boom")));
        _app.Map("/context", (HttpContext http) =>
        {
            var lambda = http.Features.GetRequiredFeature<ILambdaContextFeature>();
            return Results.Json(new Dictionary<string, object?> { ["requestId"] = lambda.AwsRequestId, ["remainingMs"] = lambda.RemainingTime.TotalMilliseconds, ["arn"] = lambda.InvokedFunctionArn, ["trace"] = lambda.TraceId });
        });
        _app.Map("/read-body", async (HttpContext http) =>
        {
            try
            {
                using var reader = new StreamReader(http.Request.Body);
                return Results.Text((await reader.ReadToEndAsync()).Length.ToString());
            }
            catch (BadHttpRequestException e)
            {
                return Results.StatusCode(e.StatusCode);
            }
        });
        await _app.StartAsync();
        _server = (CapturingServer)_app.Services.GetRequiredService<IServer>();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Raw_query_string_is_passed_verbatim()
    {
        var echo = await Echo("query-verbatim");
        Assert.Equal("?a=1&a=2&b=%20x%2By&empty=&flag", echo.GetProperty("query").GetString());
        Assert.Equal(["1", "2"], echo.GetProperty("a").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(" x+y", echo.GetProperty("b").GetString());
        Assert.Equal("203.0.113.7", echo.GetProperty("remoteIp").GetString());
        Assert.Equal("req-query-verbatim", echo.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Json_body_arrives_as_utf8()
    {
        var echo = await Echo("post-json");
        Assert.Equal("POST", echo.GetProperty("method").GetString());
        Assert.Equal("{\"text\":\"héllo, wörld\"}", echo.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Json_body_reaches_minimal_api_model_binding()
    {
        var response = await Invoke("post-json-bound");
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("héllo, wörld", response.Body);
    }

    [Fact]
    public async Task Base64_request_body_is_decoded_to_the_original_bytes()
    {
        var echo = await Echo("base64-body");
        Assert.Equal(Enumerable.Range(0, 256).Select(i => (byte)i), Convert.FromBase64String(echo.GetProperty("body").GetString()!));
    }

    [Fact]
    public async Task Cookies_array_becomes_one_cookie_header()
    {
        var echo = await Echo("cookies");
        Assert.Equal("session=abc; theme=dark; lang=en", echo.GetProperty("cookie").GetString());
        Assert.Equal("dark", echo.GetProperty("theme").GetString());
    }

    [Fact]
    public async Task Header_values_are_not_split_on_commas()
    {
        var echo = await Echo("comma-header");
        Assert.Equal(["a, b, c"], echo.GetProperty("xList").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["text/html, application/json;q=0.9"], echo.GetProperty("accept").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("named-stage", "/prod", "/echo")]
    [InlineData("query-verbatim", "", "/echo")]
    public async Task Stage_becomes_path_base(string file, string pathBase, string path)
    {
        var echo = await Echo(file);
        Assert.Equal(pathBase, echo.GetProperty("pathBase").GetString() ?? "");
        Assert.Equal(path, echo.GetProperty("path").GetString());
    }

    [Fact]
    public void Stage_root_maps_to_slash() => Assert.Equal(("/prod", "/"), HttpApiBridge.SplitStage("/prod", "prod"));

    [Fact]
    public async Task Set_cookie_goes_to_cookies_and_other_multi_values_are_joined()
    {
        var response = await Invoke("set-cookies");
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, response.Cookies!.Count);
        Assert.StartsWith("a=1", response.Cookies[0]);
        Assert.Contains("httponly", response.Cookies[1]);
        Assert.False(response.Headers.ContainsKey("Set-Cookie"));
        Assert.Equal("one,two", response.Headers["x-multi"]);
        Assert.Equal("ran", response.Headers["x-on-starting"]);
        Assert.Equal("ok", response.Body);
        Assert.False(response.IsBase64Encoded);
    }

    [Fact]
    public async Task Binary_response_is_base64_encoded()
    {
        var response = await Invoke("binary-response");
        Assert.True(response.IsBase64Encoded);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF }, Convert.FromBase64String(response.Body));
        Assert.Equal("image/png", response.Headers["Content-Type"]);
    }

    [Fact]
    public async Task Body_written_to_the_pipe_without_flush_is_still_returned()
    {
        var response = await Invoke("unflushed-writer");
        Assert.Equal("written but not flushed", response.Body);
    }

    [Fact]
    public async Task An_exception_becomes_a_500_with_no_partial_body()
    {
        var response = await Invoke("throws");
        Assert.Equal(500, response.StatusCode);
        Assert.Equal("", response.Body);
    }

    [Fact]
    public async Task Invocation_context_is_available_to_the_request()
    {
        var json = JsonDocument.Parse((await Invoke("context", deadlineIn: TimeSpan.FromSeconds(30))).Body).RootElement;
        Assert.Equal("lambda-request-1", json.GetProperty("requestId").GetString());
        Assert.InRange(json.GetProperty("remainingMs").GetDouble(), 20_000, 30_000);
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:function:api", json.GetProperty("arn").GetString());
        Assert.Equal("Root=1-abc", json.GetProperty("trace").GetString());
    }

    [Fact]
    public async Task Body_over_the_limit_is_refused_with_413()
    {
        Assert.Equal(413, (await Invoke("too-large", maxBody: 1024)).StatusCode);
        Assert.Equal("2048", (await Invoke("too-large", maxBody: 4096)).Body);
    }

    [Fact]
    public async Task Other_payload_versions_are_refused_clearly()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Invoke("payload-v1"));
        Assert.Contains("payload version 2.0", e.Message);
    }

    private async Task<JsonElement> Echo(string file)
    {
        var response = await Invoke(file);
        Assert.Equal(200, response.StatusCode);
        return JsonDocument.Parse(response.Body).RootElement;
    }

    private Task<HttpApiResponse> Invoke(string file, long maxBody = 1 << 20, TimeSpan? deadlineIn = null)
    {
        var payload = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Events", $"{file}.json"));
        var invocation = new LambdaInvocation("lambda-request-1", DateTimeOffset.UtcNow + (deadlineIn ?? TimeSpan.FromSeconds(10)),
            "arn:aws:lambda:eu-west-1:123456789012:function:api", "Root=1-abc", payload);
        return _server.InvokeAsync(invocation, maxBody);
    }

    /// <summary>A JSON body bound by minimal APIs.</summary>
    public sealed record BoundBody(string Text);

    /// <summary>A server that never listens: it keeps the application so tests can hand it invocations.</summary>
    private sealed class CapturingServer : IServer
    {
        private Func<LambdaInvocation, long, Task<HttpApiResponse>>? _invoke;

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task<HttpApiResponse> InvokeAsync(LambdaInvocation invocation, long maxBody) => _invoke!(invocation, maxBody);

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull
        {
            _invoke = (invocation, maxBody) => HttpApiBridge.InvokeAsync(application, invocation, maxBody);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
