using System.Security.Cryptography;
using System.Text.Json;

namespace ReviewPulse.Core.Modeling;

/// <summary>A verified model folder: its manifest and the ONNX bytes whose sha256 matches it.</summary>
public sealed record ModelPackage(ModelManifest Manifest, byte[] OnnxBytes, string Directory)
{
    /// <summary>Reads and verifies <c>manifest.json</c> and <c>model.onnx</c>; every failure names the file at fault.</summary>
    public static ModelPackage Load(string directory)
    {
        var manifestPath = Path.Combine(directory, ModelManifest.FileName);
        var manifest = ReadManifest(manifestPath);
        var onnxPath = Path.Combine(directory, manifest.Onnx.File);
        if (!File.Exists(onnxPath))
        {
            throw new ModelLoadException($"Model file '{onnxPath}' named by '{manifestPath}' does not exist.");
        }
        var bytes = File.ReadAllBytes(onnxPath);
        var actual = Sha256Hex(bytes);
        if (!string.Equals(actual, manifest.Onnx.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelLoadException(
                $"Model file '{onnxPath}' has sha256 {actual}, but '{manifestPath}' expects {manifest.Onnx.Sha256}; refusing to load it.");
        }
        return new ModelPackage(manifest, bytes, directory);
    }

    public static ModelManifest ReadManifest(string manifestPath)
    {
        if (!File.Exists(manifestPath))
        {
            throw new ModelLoadException($"Manifest '{manifestPath}' does not exist.");
        }
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(File.ReadAllBytes(manifestPath), ManifestJson.Default.ModelManifest);
        }
        catch (JsonException e)
        {
            throw new ModelLoadException($"Manifest '{manifestPath}' is not valid JSON for a model manifest: {e.Message}", e);
        }
        if (manifest is null)
        {
            throw new ModelLoadException($"Manifest '{manifestPath}' is empty.");
        }
        Validate(manifest, manifestPath);
        return manifest;
    }

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void Validate(ModelManifest m, string path)
    {
        string? problem = m switch
        {
            { FormatVersion: not ModelManifest.CurrentFormatVersion } => $"formatVersion {m.FormatVersion} is not {ModelManifest.CurrentFormatVersion}",
            { Labels: not ["negative", "neutral", "positive"] } => "labels must be [negative, neutral, positive]",
            { Onnx: null } or { Onnx.Sha256.Length: not 64 } => "onnx.sha256 must be a 64-character hex digest",
            { Encoding: null } => "encoding is missing",
            { Input: null } or { Output: null } => "input and output specs are required",
            { Rating: null } => "rating is missing",
            _ => null,
        };
        if (problem is null)
        {
            try
            {
                m.Rating!.Validate();
                m.Encoding!.CreateEncoder();
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException)
            {
                problem = e.Message;
            }
        }
        if (problem is not null)
        {
            throw new ModelLoadException($"Manifest '{path}' is invalid: {problem}.");
        }
    }
}

/// <summary>A model package that cannot be used; the message names the file and the reason.</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException(string message) : base(message) { }

    public ModelLoadException(string message, Exception inner) : base(message, inner) { }

    public ModelLoadException() { }
}
