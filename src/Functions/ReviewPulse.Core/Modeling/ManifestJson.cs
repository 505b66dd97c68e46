using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReviewPulse.Core.Modeling;

/// <summary>Source-generated JSON for the model package (camelCase, indented).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(ModelManifest))]
[JsonSerializable(typeof(CurrentModelPointer))]
public sealed partial class ManifestJson : JsonSerializerContext;

/// <summary>Content of <c>models/current.json</c>: which version is live.</summary>
public sealed record CurrentModelPointer(string Version, string ManifestSha256, DateTimeOffset PublishedAt);
