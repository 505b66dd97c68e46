using System.Net;
using System.Text.Json;

namespace ReviewPulse.Api.Tests;

/// <summary>Checks an error response is problem+json with the expected status and a detail containing a phrase.</summary>
internal static class ProblemAssert
{
    public static async Task Is(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal((int)status, doc.RootElement.GetProperty("status").GetInt32());
        var detail = doc.RootElement.GetProperty("detail").GetString();
        Assert.Contains(detailContains, detail, StringComparison.OrdinalIgnoreCase);
    }
}
