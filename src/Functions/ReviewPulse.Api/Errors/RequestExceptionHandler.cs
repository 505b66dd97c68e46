using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace ReviewPulse.Api.Errors;

/// <summary>
/// Turns request-reading failures (malformed JSON, wrong types, invalid UTF-8, oversized bodies) into problem details
/// that say what was wrong; anything else is a 500 whose detail hides internals.
/// </summary>
public sealed partial class RequestExceptionHandler(IProblemDetailsService problems, ILogger<RequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "Request too large", "The request body is larger than the limit."),
            BadHttpRequestException { InnerException: JsonException json } => (400, "Invalid request", $"The body is not valid JSON for this endpoint: {json.Message}"),
            BadHttpRequestException bad => (bad.StatusCode, "Invalid request", bad.Message),
            JsonException json => (400, "Invalid request", $"The body is not valid JSON for this endpoint: {json.Message}"),
            _ => (500, "Internal error", "The server failed to handle the request; it was logged."),
        };
        if (status == 500)
        {
            LogUnhandled(exception, context.Request.Path);
        }
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private partial void LogUnhandled(Exception exception, string path);
}
