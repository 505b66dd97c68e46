namespace ReviewPulse.Api.Endpoints;

/// <summary>Request checks whose failures name the field and the limit.</summary>
internal static class Validation
{
    public static IResult? Text(string? text, int maxLength) => text switch
    {
        null => Problems.BadRequest("'text' is required."),
        _ when string.IsNullOrWhiteSpace(text) => Problems.BadRequest("'text' must not be empty."),
        { Length: var n } when n > maxLength => Problems.BadRequest($"'text' is {n} characters long; the limit is {maxLength} characters."),
        _ => null,
    };

    public static IResult? Limit(int? limit, int max) =>
        limit is < 1 || limit > max ? Problems.BadRequest($"'limit' must be between 1 and {max}.") : null;

    /// <summary>A client-made idempotency key: 8–64 letters, digits, '-' or '_'.</summary>
    public static IResult? SubmissionId(string? id) =>
        id is null || id.Length is < 8 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? Problems.BadRequest("'submissionId' is required: 8 to 64 letters, digits, '-' or '_' (e.g. a UUID), the same for retries of one review.")
            : null;
}
