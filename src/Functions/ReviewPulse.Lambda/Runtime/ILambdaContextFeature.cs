namespace ReviewPulse.Lambda.Runtime;

/// <summary>The invocation behind the current request: its id, deadline, function and trace (HttpContext.Features).</summary>
public interface ILambdaContextFeature
{
    string AwsRequestId { get; }

    DateTimeOffset Deadline { get; }

    string? InvokedFunctionArn { get; }

    string? TraceId { get; }

    /// <summary>Time left before Lambda stops the invocation.</summary>
    TimeSpan RemainingTime { get; }
}

/// <summary>One invocation as the Runtime API announced it.</summary>
public sealed record LambdaInvocation(string AwsRequestId, DateTimeOffset Deadline, string? InvokedFunctionArn, string? TraceId, byte[] Payload)
    : ILambdaContextFeature
{
    public TimeSpan RemainingTime => Deadline - DateTimeOffset.UtcNow;
}
