namespace ReviewPulse.Api;

/// <summary>The API's one error format: RFC 7807 problem details with a clear detail.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail) => Result(StatusCodes.Status400BadRequest, "Invalid request", detail);

    public static IResult NotFound(string detail) => Result(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult Conflict(string detail) => Result(StatusCodes.Status409Conflict, "Conflict", detail);

    public static IResult Unauthorized(string detail) => Result(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static IResult Unavailable(string detail) => Result(StatusCodes.Status503ServiceUnavailable, "Service unavailable", detail);

    public static IResult Result(int status, string title, string detail) => TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
