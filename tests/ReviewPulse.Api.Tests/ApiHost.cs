using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ReviewPulse.Api.Tests;

/// <summary>The real API on Kestrel at a free loopback port, with its own SQLite file and settings.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token-0123456789";

    private readonly WebApplication _app;
    private readonly TempDirectory _temp;

    private ApiHost(WebApplication app, TempDirectory temp, HttpClient client)
    {
        _app = app;
        _temp = temp;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public string DataDirectory => _temp.Path;

    public static string DefaultModel => RepositoryPaths.DefaultModel;

    public static async Task<ApiHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var temp = new TempDirectory();
        var config = new Dictionary<string, string?>
        {
            ["ReviewPulse:Sqlite:Path"] = Path.Combine(temp.Path, "reviews.db"),
            ["ReviewPulse:Model:Uri"] = $"file:{DefaultModel}",
            ["ReviewPulse:Admin:TokenSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AdminToken))),
            ["ReviewPulse:Limits:PredictPerSecond"] = "1000",
            ["ReviewPulse:Limits:PredictBurst"] = "1000",
            ["ReviewPulse:Limits:SubmitPerMinute"] = "1000",
        };
        foreach (var (k, v) in settings ?? [])
        {
            config[k] = v;
        }
        var app = ApiApplication.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(config);
            b.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new ApiHost(app, temp, new HttpClient { BaseAddress = new Uri(address) });
    }

    public HttpRequestMessage Admin(HttpMethod method, string path, string? token = AdminToken)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        return request;
    }

    public async Task<HttpResponseMessage> SubmitAsync(string brandId, string text, int rating, string? submissionId = null) =>
        await Client.PostAsJsonAsync("/api/reviews", new { brandId, text, rating, submissionId = submissionId ?? Guid.NewGuid().ToString() });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
