using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using ReviewPulse.Lambda.Runtime;

namespace ReviewPulse.Lambda.HttpApi;

/// <summary>
/// Turns an API Gateway HTTP API (payload 2.0) event into an ASP.NET Core request and the response back into the
/// event's response: raw query string verbatim, cookies[] ↔ Cookie / Set-Cookie, header values never split on commas,
/// stage → PathBase, base64 bodies both ways for binary content, the body flushed before it is read.
/// </summary>
public static class HttpApiBridge
{
    public static async Task<HttpApiResponse> InvokeAsync<TContext>(IHttpApplication<TContext> application, LambdaInvocation invocation, long maxBodyBytes)
        where TContext : notnull
    {
        var request = JsonSerializer.Deserialize(invocation.Payload, LambdaJson.Default.HttpApiRequest)
            ?? throw new InvalidDataException("The invocation payload is empty.");
        if (request.Version != "2.0" || request.RequestContext?.Http is null)
        {
            throw new InvalidDataException($"Only API Gateway HTTP API payload version 2.0 events are supported (got version '{request.Version}').");
        }
        using var deadline = new CancellationTokenSource(invocation.RemainingTime > TimeSpan.Zero ? invocation.RemainingTime : TimeSpan.FromMilliseconds(1));
        var response = new LambdaResponseFeature();
        using var body = new MemoryStream();
        var bodyFeature = new StreamResponseBodyFeature(body);
        var features = RequestFeatures(request, invocation, maxBodyBytes, deadline.Token);
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(bodyFeature);

        var context = application.CreateContext(features);
        Exception? error = null;
        try
        {
            await application.ProcessRequestAsync(context);
        }
        catch (Exception e)
        {
            error = e;
            if (!response.HasStarted)
            {
                response.StatusCode = StatusCodes.Status500InternalServerError;
                response.Headers.Clear();
                body.SetLength(0);
            }
        }
        await response.StartAsync();
        await bodyFeature.CompleteAsync(); // flushes the PipeWriter into the stream before we read it
        await response.CompleteAsync();
        application.DisposeContext(context, error);
        return ToResponse(response, body.ToArray());
    }

    internal static FeatureCollection RequestFeatures(HttpApiRequest request, LambdaInvocation invocation, long maxBodyBytes, CancellationToken aborted)
    {
        var http = request.RequestContext!.Http!;
        var (pathBase, path) = SplitStage(request.RawPath ?? http.Path ?? "/", request.RequestContext.Stage);
        IHeaderDictionary headers = new HeaderDictionary();
        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            headers[name] = value; // one value, commas and all: splitting is the header's own business
        }
        if (request.Cookies is { Count: > 0 } cookies)
        {
            headers["Cookie"] = string.Join("; ", cookies);
        }
        var bytes = request.Body is null ? [] : request.IsBase64Encoded ? Convert.FromBase64String(request.Body) : Encoding.UTF8.GetBytes(request.Body);
        headers.ContentLength ??= request.Body is null ? null : bytes.Length;
        var query = string.IsNullOrEmpty(request.RawQueryString) ? "" : $"?{request.RawQueryString}";
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Protocol = http.Protocol ?? "HTTP/1.1",
            Scheme = "https",
            Method = http.Method ?? "GET",
            PathBase = pathBase,
            Path = path,
            QueryString = query,
            RawTarget = pathBase + path + query,
            Headers = headers,
            Body = new LimitedRequestStream(bytes, maxBodyBytes),
        });
        features.Set<IHttpRequestBodyDetectionFeature>(new BodyDetection(bytes.Length > 0));
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            ConnectionId = invocation.AwsRequestId,
            RemoteIpAddress = IPAddress.TryParse(http.SourceIp, out var ip) ? ip : null,
            LocalIpAddress = IPAddress.Loopback,
            LocalPort = 443,
        });
        features.Set<IHttpRequestIdentifierFeature>(new HttpRequestIdentifierFeature { TraceIdentifier = request.RequestContext.RequestId ?? invocation.AwsRequestId });
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = aborted });
        features.Set<ILambdaContextFeature>(invocation);
        return features;
    }

    /// <summary>Tells model binding whether there is a body to read (Kestrel provides this; without it JSON bodies are ignored).</summary>
    private sealed record BodyDetection(bool CanHaveBody) : IHttpRequestBodyDetectionFeature;

    internal static (string PathBase, string Path) SplitStage(string rawPath, string? stage)
    {
        if (string.IsNullOrEmpty(stage) || stage == "$default")
        {
            return ("", rawPath);
        }
        var prefix = "/" + stage;
        if (rawPath == prefix)
        {
            return (prefix, "/");
        }
        return rawPath.StartsWith(prefix + "/", StringComparison.Ordinal) ? (prefix, rawPath[prefix.Length..]) : ("", rawPath);
    }

    internal static HttpApiResponse ToResponse(LambdaResponseFeature response, byte[] body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        List<string>? cookies = null;
        foreach (var (name, values) in response.Headers)
        {
            if (name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
            {
                (cookies ??= []).AddRange(values.Where(v => v is not null)!);
            }
            else
            {
                headers[name] = values.ToString(); // multiple values joined with ','
            }
        }
        var text = IsText(response.Headers.ContentType);
        return new HttpApiResponse(response.StatusCode, headers, cookies, text ? Encoding.UTF8.GetString(body) : Convert.ToBase64String(body), !text && body.Length > 0);
    }

    private static bool IsText(StringValues contentType)
    {
        var type = contentType.ToString();
        if (type.Length == 0)
        {
            return true;
        }
        var media = type.Split(';')[0].Trim().ToLowerInvariant();
        return media.StartsWith("text/", StringComparison.Ordinal) || media.EndsWith("+json", StringComparison.Ordinal) || media.EndsWith("+xml", StringComparison.Ordinal)
            || media is "application/json" or "application/xml" or "application/javascript" or "application/x-www-form-urlencoded" or "image/svg+xml";
    }
}
