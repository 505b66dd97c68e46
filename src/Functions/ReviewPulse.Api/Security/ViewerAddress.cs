using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ReviewPulse.Api.Security;

/// <summary>
/// Behind CloudFront the connection comes from an edge server; CloudFront names the visitor in
/// <c>CloudFront-Viewer-Address</c> ("ip:port"). That header is believed only on requests that also carry the shared
/// origin secret, so nobody calling the API directly can pick the address their rate limit is counted under.
/// </summary>
public static class ViewerAddress
{
    public const string SecretHeader = "X-ReviewPulse-Origin";
    public const string ViewerHeader = "CloudFront-Viewer-Address";

    public static Func<HttpContext, Func<Task>, Task> Middleware(string? secret)
    {
        var expected = string.IsNullOrEmpty(secret) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        return (http, next) =>
        {
            var headers = http.Request.Headers;
            if (expected is not null && headers.TryGetValue(SecretHeader, out var sent)
                && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent.ToString())), expected)
                && TryParse(headers[ViewerHeader].ToString(), out var viewer))
            {
                http.Connection.RemoteIpAddress = viewer;
            }
            headers.Remove(SecretHeader);
            return next();
        };
    }

    /// <summary>Reads "192.0.2.1:443" or "2001:db8::1:443" (IPv6 without brackets, as CloudFront sends it).</summary>
    public static bool TryParse(string value, out IPAddress address)
    {
        var colon = value.LastIndexOf(':');
        var host = colon > 0 ? value[..colon].Trim('[', ']') : value;
        return IPAddress.TryParse(host, out address!);
    }
}
