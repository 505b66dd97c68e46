using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ReviewPulse.Api.Configuration;

namespace ReviewPulse.Api.Security;

/// <summary>
/// Admin endpoints need <c>Authorization: Bearer TOKEN</c> whose SHA-256 equals the configured hash, compared in
/// constant time. With no hash configured every request is refused: admin is closed by default, never open.
/// </summary>
public sealed class AdminTokenFilter(IOptions<ReviewPulseOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.Admin.TokenSha256;
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(expected))
        {
            return Problems.Unauthorized("The admin API is closed: no admin token is configured (ReviewPulse__Admin__TokenSha256).");
        }
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || header.Length == 7)
        {
            return Problems.Unauthorized("Send the admin token as 'Authorization: Bearer <token>'.");
        }
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(header[7..]));
        return CryptographicOperations.FixedTimeEquals(actual, Convert.FromHexString(expected))
            ? await next(context)
            : Problems.Unauthorized("The admin token is not valid.");
    }
}
