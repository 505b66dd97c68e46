namespace ReviewPulse.Api.Errors;

/// <summary>Problem details, with a detail, for errors raised before an endpoint runs (no route, body too large, …).</summary>
internal static class StatusCodeProblems
{
    public static async Task WriteAsync(HttpContext http, int maxBodyBytes)
    {
        var status = http.Response.StatusCode;
        var detail = status switch
        {
            404 => $"Nothing is served at {http.Request.Method} {http.Request.Path}.",
            405 => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
            413 => $"The request body is larger than the limit of {maxBodyBytes} bytes.",
            415 => "Send the body as JSON with 'Content-Type: application/json'.",
            _ => null,
        };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = status, Detail = detail } });
    }
}
