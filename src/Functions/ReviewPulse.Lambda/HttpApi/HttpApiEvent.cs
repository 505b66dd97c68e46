using System.Text.Json.Serialization;

namespace ReviewPulse.Lambda.HttpApi;

/// <summary>API Gateway HTTP API request, payload format 2.0 (only the fields the bridge uses).</summary>
public sealed record HttpApiRequest(
    string? Version,
    string? RawPath,
    string? RawQueryString,
    IReadOnlyList<string>? Cookies,
    IReadOnlyDictionary<string, string>? Headers,
    HttpApiRequestContext? RequestContext,
    string? Body,
    bool IsBase64Encoded);

/// <summary>The request context of an HTTP API event.</summary>
public sealed record HttpApiRequestContext(string? RequestId, string? Stage, HttpApiHttp? Http, string? DomainName);

/// <summary>Method, path and caller of an HTTP API event.</summary>
public sealed record HttpApiHttp(string? Method, string? Path, string? Protocol, string? SourceIp, string? UserAgent);

/// <summary>API Gateway HTTP API response, payload format 2.0.</summary>
public sealed record HttpApiResponse(
    int StatusCode,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<string>? Cookies,
    string Body,
    bool IsBase64Encoded);

/// <summary>Error body the Runtime API expects.</summary>
public sealed record RuntimeError(string ErrorMessage, string ErrorType, IReadOnlyList<string> StackTrace);

/// <summary>Source-generated JSON for the Lambda contracts.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HttpApiRequest))]
[JsonSerializable(typeof(HttpApiResponse))]
[JsonSerializable(typeof(RuntimeError))]
internal sealed partial class LambdaJson : JsonSerializerContext;
