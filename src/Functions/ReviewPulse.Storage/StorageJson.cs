using System.Text.Json.Serialization;

namespace ReviewPulse.Storage;

/// <summary>Source-generated JSON for storage tokens.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StorageJson : JsonSerializerContext;
