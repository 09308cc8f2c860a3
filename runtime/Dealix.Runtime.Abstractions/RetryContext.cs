namespace Dealix.DurableTask;

/// <summary>What a custom retry handler is told about the failure it decides on.</summary>
/// <param name="OrchestrationContext">The orchestration; the handler may wait with its durable timers.</param>
/// <param name="LastAttemptNumber">The attempt that just failed (1 for the first).</param>
/// <param name="LastFailure">Its failure.</param>
/// <param name="TotalRetryTime">Orchestration time elapsed since the first attempt.</param>
/// <param name="CancellationToken">Cancelled when the orchestration no longer needs the result.</param>
public sealed record RetryContext(
    TaskOrchestrationContext OrchestrationContext,
    int LastAttemptNumber,
    TaskFailureDetails LastFailure,
    TimeSpan TotalRetryTime,
    CancellationToken CancellationToken);

/// <summary>A custom retry decision: return true to retry.</summary>
public delegate bool RetryHandler(RetryContext retryContext);

/// <summary>An asynchronous custom retry decision: return true to retry. May await durable timers.</summary>
public delegate Task<bool> AsyncRetryHandler(RetryContext retryContext);
