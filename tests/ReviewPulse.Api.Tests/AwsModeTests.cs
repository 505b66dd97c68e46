using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using ReviewPulse.Api.Modeling;
using ReviewPulse.Core.Modeling;

namespace ReviewPulse.Api.Tests;

/// <summary>The API as it runs in AWS: DynamoDB store and a model published to S3, both on a moto server.</summary>
public sealed class AwsModeTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Serves_from_dynamodb_with_an_s3_model_and_picks_up_a_new_publication()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", moto.Endpoint);
        try
        {
            await Run();
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", null);
        }
    }

    private async Task Run()
    {
        using var s3 = new AmazonS3Client(new AmazonS3Config { ServiceURL = moto.Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        await s3.PutBucketAsync("models");
        await Publish(s3, ApiHost.DefaultModel, version: null);
        using var cache = new TempDirectory();
        await using var api = await ApiHost.StartAsync(new()
        {
            ["ReviewPulse:Store"] = "dynamodb",
            ["ReviewPulse:DynamoDb:Table"] = $"reviews-{Guid.NewGuid():n}",
            ["ReviewPulse:DynamoDb:CreateTable"] = "true",
            ["ReviewPulse:SigningKey"] = new string('k', 40),
            ["ReviewPulse:Model:Uri"] = "s3://models/models/current.json",
            ["ReviewPulse:Model:CacheDirectory"] = cache.Path,
        });

        var ready = await api.Client.GetFromJsonAsync<JsonElement>("/ready");
        var version = ready.GetProperty("model").GetString()!;
        Assert.True(File.Exists(Path.Combine(cache.Path, version, "model.onnx")));
        var created = await api.SubmitAsync("nike.com", "Great trainers, fast delivery.", 5, "aws-mode-1");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.SubmitAsync("nike.com", "Great trainers, fast delivery.", 5, "aws-mode-1")).StatusCode);
        var list = await api.Client.SendAsync(api.Admin(HttpMethod.Get, "/api/admin/reviews"));
        Assert.Single((await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());

        await Publish(s3, ApiHost.DefaultModel, version: "republished-in-s3");
        await api.Services.GetRequiredService<ModelProvider>().RefreshAsync(CancellationToken.None);
        var predicted = await (await api.Client.PostAsJsonAsync("/api/predict", new { text = "ok" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("republished-in-s3", predicted.GetProperty("modelVersion").GetString());

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "models", Key = "models/broken/model.onnx", ContentBody = "not a model" });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "models", Key = "models/broken/manifest.json", FilePath = Path.Combine(ApiHost.DefaultModel, "manifest.json") });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "models", Key = "models/current.json", ContentBody = "{\"version\":\"broken\",\"manifestSha256\":\"x\",\"publishedAt\":\"2026-12-04T00:00:00Z\"}" });
        var provider = api.Services.GetRequiredService<ModelProvider>();
        await provider.RefreshAsync(CancellationToken.None);
        Assert.Contains("sha256", provider.Error);
        Assert.False(Directory.Exists(Path.Combine(cache.Path, "broken"))); // not cached, so a fixed upload is fetched again
        predicted = await (await api.Client.PostAsJsonAsync("/api/predict", new { text = "ok" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("republished-in-s3", predicted.GetProperty("modelVersion").GetString());
    }

    /// <summary>Uploads a package under models/VERSION/ and points current.json at it, as the trainer's publish does.</summary>
    private static async Task Publish(AmazonS3Client s3, string directory, string? version)
    {
        var manifestText = await File.ReadAllTextAsync(Path.Combine(directory, "manifest.json"));
        var manifest = System.Text.Json.JsonSerializer.Deserialize(manifestText, ManifestJson.Default.ModelManifest)!;
        if (version is not null)
        {
            manifestText = manifestText.Replace($"\"version\": \"{manifest.Version}\"", $"\"version\": \"{version}\"");
        }
        version ??= manifest.Version;
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "models", Key = $"models/{version}/model.onnx", FilePath = Path.Combine(directory, "model.onnx") });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "models", Key = $"models/{version}/manifest.json", ContentBody = manifestText });
        var pointer = new CurrentModelPointer(version, "unused-by-the-api", DateTimeOffset.UtcNow);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "models", Key = "models/current.json", ContentBody = System.Text.Json.JsonSerializer.Serialize(pointer, ManifestJson.Default.CurrentModelPointer) });
    }
}
