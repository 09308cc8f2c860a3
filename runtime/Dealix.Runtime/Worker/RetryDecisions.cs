
namespace Dealix.Runtime.Worker;

/// <summary>
/// Applies an official <see cref="RetryPolicy"/> the way Microsoft's engine does: the policy's <c>Handle</c> (which
/// <c>HandleFailure</c> sets) is asked with DurableTask.Core's failure exception, and the next delay is the first
/// interval times the backoff coefficient to the power of the attempts so far, capped by the max interval, until the
/// attempts or the retry timeout run out.
/// </summary>
internal static class RetryDecisions
{
    /// <summary>The delay before the next attempt, or null when the failure is final.</summary>
    public static TimeSpan? NextDelay(RetryPolicy policy, TaskFailedException failure, bool subOrchestration, int failedAttempt, TimeSpan elapsed)
    {
        if (failedAttempt >= policy.MaxNumberOfAttempts)
        {
            return null;
        }

        if (policy.RetryTimeout != Timeout.InfiniteTimeSpan && elapsed >= policy.RetryTimeout)
        {
            return null;
        }

        if (!policy.Handle(ToCoreException(failure, subOrchestration)))
        {
            return null;
        }

        double ticks = policy.FirstRetryInterval.Ticks * Math.Pow(policy.BackoffCoefficient, failedAttempt - 1);
        if (policy.MaxRetryInterval != Timeout.InfiniteTimeSpan && ticks > policy.MaxRetryInterval.Ticks)
        {
            return policy.MaxRetryInterval;
        }

        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
    }

    private static DurableTask.Core.Exceptions.OrchestrationException ToCoreException(TaskFailedException failure, bool subOrchestration) =>
        failure.InnerException is DurableTask.Core.Exceptions.OrchestrationException core
            ? core
            : CoreFailures.Create(failure.TaskName, failure.TaskId, failure.FailureDetails, subOrchestration);
}
