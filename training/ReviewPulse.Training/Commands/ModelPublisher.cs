using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using ReviewPulse.Core.Modeling;

namespace ReviewPulse.Training.Commands;

/// <summary>Uploads a verified model package to S3, then flips <c>models/current.json</c> to it (the flip is the commit point).</summary>
internal static class ModelPublisher
{
    public static async Task<string> PublishAsync(string modelDirectory, string bucket, string? endpointUrl, CancellationToken token)
    {
        var package = ModelPackage.Load(modelDirectory);
        using var s3 = CreateClient(endpointUrl ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL"));
        var prefix = $"models/{package.Manifest.Version}/";
        foreach (var file in new[] { package.Manifest.Onnx.File, ModelManifest.FileName, "MODEL_CARD.md" })
        {
            var path = Path.Combine(modelDirectory, file);
            if (File.Exists(path))
            {
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = prefix + file, FilePath = path }, token);
            }
        }
        var manifestSha = ModelPackage.Sha256Hex(await File.ReadAllBytesAsync(Path.Combine(modelDirectory, ModelManifest.FileName), token));
        var pointer = new CurrentModelPointer(package.Manifest.Version, manifestSha, DateTimeOffset.UtcNow);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = "models/current.json",
            ContentBody = JsonSerializer.Serialize(pointer, ManifestJson.Default.CurrentModelPointer),
            ContentType = "application/json",
        }, token);
        return $"s3://{bucket}/{prefix}";
    }

    /// <summary>An S3 client for AWS, or for a local endpoint (moto, LocalStack) with path-style addressing.</summary>
    public static AmazonS3Client CreateClient(string? endpointUrl)
    {
        var config = new AmazonS3Config();
        if (!string.IsNullOrEmpty(endpointUrl))
        {
            config.ServiceURL = endpointUrl;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1";
        }
        return new AmazonS3Client(config);
    }
}
