using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using ReviewPulse.Core.Modeling;

namespace ReviewPulse.Storage.Models;

/// <summary>
/// Models published to S3: <c>current.json</c> names the live version; its package is downloaded once into the cache
/// folder (Lambda: /tmp survives warm invocations), verified, and reused while the version stays the same.
/// </summary>
public sealed class S3ModelSource(IAmazonS3 s3, string bucket, string pointerKey, string cacheDirectory) : IModelSource
{
    public string Description => $"s3://{bucket}/{pointerKey}";

    public async Task<string> CurrentTagAsync(CancellationToken ct)
    {
        using var response = await s3.GetObjectAsync(bucket, pointerKey, ct);
        var pointer = await JsonSerializer.DeserializeAsync(response.ResponseStream, ManifestJson.Default.CurrentModelPointer, ct)
            ?? throw new ModelLoadException($"{Description} is empty.");
        if (string.IsNullOrWhiteSpace(pointer.Version) || pointer.Version.Contains('/') || pointer.Version.Contains(".."))
        {
            throw new ModelLoadException($"{Description} names an invalid version '{pointer.Version}'.");
        }
        return pointer.Version;
    }

    public async Task<string> FetchAsync(string tag, CancellationToken ct)
    {
        var target = Path.Combine(cacheDirectory, tag);
        if (File.Exists(Path.Combine(target, ModelManifest.FileName)))
        {
            return target;
        }
        var staging = $"{target}.{Guid.NewGuid():n}.partial";
        Directory.CreateDirectory(staging);
        var prefix = $"{Path.GetDirectoryName(pointerKey)?.Replace('\\', '/')}/{tag}/".TrimStart('/');
        foreach (var file in new[] { "model.onnx", ModelManifest.FileName })
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = prefix + file }, ct);
            await using var output = File.Create(Path.Combine(staging, file));
            await response.ResponseStream.CopyToAsync(output, ct);
        }
        try
        {
            ModelPackage.Load(staging); // a corrupt download never enters the cache
        }
        catch (ModelLoadException)
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
        try
        {
            Directory.Move(staging, target); // the manifest appears only with a complete package
        }
        catch (IOException) when (Directory.Exists(target))
        {
            Directory.Delete(staging, recursive: true); // another instance won the race
        }
        return target;
    }
}
