using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace ReviewPulse.Lambda.Tests;

/// <summary>The published API function run as its own process against a fake Runtime API: real request/response pairs.</summary>
public sealed class FunctionProcessTests : IClassFixture<FunctionProcessTests.Published>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly Published _published;

    public FunctionProcessTests(Published published) => _published = published;

    [Fact]
    public async Task Serves_predict_brands_and_errors_through_the_runtime_api()
    {
        await using var runtime = new FakeRuntimeApi();
        await runtime.StartAsync();
        using var temp = new TempDirectory();
        using var function = Start(runtime.Address, new() { ["ReviewPulse__Sqlite__Path"] = Path.Combine(temp.Path, "r.db") });

        var predict = await runtime.InvokeAsync(Event("POST", "/api/predict", "{\"text\":\"Awful. Rude staff and a broken product.\"}"), Timeout);
        Assert.Equal("response", predict.Kind);
        var response = JsonDocument.Parse(predict.Body).RootElement;
        Assert.True(response.GetProperty("statusCode").GetInt32() == 200, predict.Body);
        Assert.Equal("negative", JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement.GetProperty("label").GetString());

        var brand = JsonDocument.Parse((await runtime.InvokeAsync(Event("GET", "/api/brands/random", null), Timeout)).Body).RootElement;
        Assert.Equal(200, brand.GetProperty("statusCode").GetInt32());

        var bad = JsonDocument.Parse((await runtime.InvokeAsync(Event("POST", "/api/predict", "{\"text\":\"\"}"), Timeout)).Body).RootElement;
        Assert.Equal(400, bad.GetProperty("statusCode").GetInt32());
        Assert.StartsWith("application/problem+json", bad.GetProperty("headers").GetProperty("Content-Type").GetString());

        var notJson = await runtime.InvokeAsync(Encoding.UTF8.GetBytes("{\"version\":\"1.0\"}"), Timeout);
        Assert.Equal("error", notJson.Kind);
        Assert.Contains("payload version 2.0", notJson.Body);

        var after = JsonDocument.Parse((await runtime.InvokeAsync(Event("GET", "/health", null), Timeout)).Body).RootElement;
        Assert.Equal(200, after.GetProperty("statusCode").GetInt32()); // an invocation error does not stop the loop
    }

    [Fact]
    public async Task Bad_configuration_is_reported_as_an_init_error()
    {
        await using var runtime = new FakeRuntimeApi();
        await runtime.StartAsync();
        using var function = Start(runtime.Address, new() { ["ReviewPulse__Store"] = "bogus" });
        var (kind, body) = await runtime.InitError(Timeout);
        Assert.Equal("init-error", kind);
        Assert.Contains("ReviewPulse__Store", body);
        Assert.True(function.Process.WaitForExit(30_000));
        Assert.NotEqual(0, function.Process.ExitCode);
    }

    private FunctionProcess Start(string runtimeApi, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", Path.Combine(_published.Directory, "ReviewPulse.Api.dll"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _published.Directory,
        };
        info.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        info.Environment["ReviewPulse__Model__Uri"] = $"file:{Path.Combine(RepositoryPaths.Root, "models", "default")}";
        info.Environment["ReviewPulse__Sqlite__Path"] = Path.Combine(Path.GetTempPath(), $"rp-{Guid.NewGuid():n}.db");
        foreach (var (k, v) in environment)
        {
            info.Environment[k] = v;
        }
        var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new FunctionProcess(process);
    }

    private static byte[] Event(string method, string path, string? body) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
    {
        ["version"] = "2.0",
        ["rawPath"] = path,
        ["rawQueryString"] = "",
        ["headers"] = new Dictionary<string, string> { ["content-type"] = "application/json", ["host"] = "api.example" },
        ["requestContext"] = new Dictionary<string, object> { ["requestId"] = Guid.NewGuid().ToString(), ["stage"] = "$default", ["http"] = new Dictionary<string, string> { ["method"] = method, ["path"] = path, ["protocol"] = "HTTP/1.1", ["sourceIp"] = "198.51.100.4" } },
        ["body"] = body,
        ["isBase64Encoded"] = false,
    });

    /// <summary>A running function process, killed on dispose.</summary>
    private sealed record FunctionProcess(Process Process) : IDisposable
    {
        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }
            Process.Dispose();
        }
    }

    /// <summary>Publishes the API once (framework-dependent, Release) for all tests in the class.</summary>
    public sealed class Published : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public Published()
        {
            Directory = _temp.Path;
            var project = Path.Combine(RepositoryPaths.Root, "src", "Functions", "ReviewPulse.Api", "ReviewPulse.Api.csproj");
            var info = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", Directory, "--nologo", "-v", "q"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var publish = Process.Start(info)!;
            var output = publish.StandardOutput.ReadToEndAsync();
            var errors = publish.StandardError.ReadToEndAsync();
            publish.WaitForExit();
            if (publish.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet publish failed: {output.Result}{errors.Result}");
            }
        }

        public string Directory { get; }

        public void Dispose() => _temp.Dispose();
    }
}
