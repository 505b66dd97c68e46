using System.Security.Cryptography;
using ReviewPulse.Core.Modeling;

namespace ReviewPulse.Storage.Models;

/// <summary>A model folder on disk; its tag is the manifest's hash, so replacing the files swaps the model.</summary>
public sealed class FileModelSource(string directory) : IModelSource
{
    public string Description => $"file:{directory}";

    public async Task<string> CurrentTagAsync(CancellationToken ct)
    {
        var manifest = Path.Combine(directory, ModelManifest.FileName);
        if (!File.Exists(manifest))
        {
            throw new ModelLoadException($"Manifest '{manifest}' does not exist.");
        }
        return Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(manifest, ct)));
    }

    public Task<string> FetchAsync(string tag, CancellationToken ct) => Task.FromResult(directory);
}
