using System.Text.Json;
using Amazon.S3.Model;
using ReviewPulse.Core.Modeling;
using ReviewPulse.Training.Commands;
using ReviewPulse.Training.Models;
using ReviewPulse.Training.Tests.Models;
using ReviewPulse.Training.Tests.Support;

namespace ReviewPulse.Training.Tests.Commands;

public sealed class PublishTests : IClassFixture<MotoServer>, IClassFixture<ExportTests.Exported>
{
    private readonly MotoServer _moto;
    private readonly ExportTests.Exported _exported;

    public PublishTests(MotoServer moto, ExportTests.Exported exported)
    {
        _moto = moto;
        _exported = exported;
    }

    [Fact]
    public async Task Uploads_the_package_then_points_current_json_at_it()
    {
        using var s3 = ModelPublisher.CreateClient(_moto.Endpoint);
        await s3.PutBucketAsync("models-bucket");
        var directory = _exported.Models["tiny-ngram"];
        var manifest = ModelPackage.Load(directory).Manifest;

        var uri = await ModelPublisher.PublishAsync(directory, "models-bucket", _moto.Endpoint, CancellationToken.None);

        Assert.Equal($"s3://models-bucket/models/{manifest.Version}/", uri);
        var keys = (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "models-bucket" })).S3Objects.Select(o => o.Key).ToHashSet();
        Assert.Contains($"models/{manifest.Version}/model.onnx", keys);
        Assert.Contains($"models/{manifest.Version}/manifest.json", keys);
        Assert.Contains($"models/{manifest.Version}/{ModelCard.FileName}", keys);
        using var current = await s3.GetObjectAsync("models-bucket", "models/current.json");
        var pointer = await JsonSerializer.DeserializeAsync(current.ResponseStream, ManifestJson.Default.CurrentModelPointer);
        Assert.Equal(manifest.Version, pointer!.Version);
        Assert.Equal(ModelPackage.Sha256Hex(File.ReadAllBytes(Path.Combine(directory, "manifest.json"))), pointer.ManifestSha256);
        using var onnx = await s3.GetObjectAsync("models-bucket", $"models/{manifest.Version}/model.onnx");
        using var copy = new MemoryStream();
        await onnx.ResponseStream.CopyToAsync(copy);
        Assert.Equal(manifest.Onnx.Sha256, ModelPackage.Sha256Hex(copy.ToArray()));
    }

    [Fact]
    public async Task A_tampered_package_is_not_published()
    {
        using var temp = new TempDirectory();
        foreach (var file in Directory.GetFiles(_exported.Models["tiny-ngram"]))
        {
            File.Copy(file, temp.File(Path.GetFileName(file)));
        }
        File.AppendAllText(temp.File("model.onnx"), "x");
        using var s3 = ModelPublisher.CreateClient(_moto.Endpoint);
        await s3.PutBucketAsync("untouched-bucket");
        await Assert.ThrowsAsync<ModelLoadException>(() => ModelPublisher.PublishAsync(temp.Path, "untouched-bucket", _moto.Endpoint, CancellationToken.None));
        Assert.Empty((await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "untouched-bucket" })).S3Objects ?? []);
    }
}
