namespace Dealix.DurableTask;

/// <summary>
/// A declarative retry policy for activities and sub-orchestrations. The delay before retry n (n = 1, 2, …) is
/// <c>FirstRetryInterval × BackoffCoefficient^(n-1)</c>, capped at <see cref="MaxRetryInterval"/>; no retry is made
/// once <see cref="RetryTimeout"/> has elapsed since the first attempt. Waits are durable timers.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Creates a retry policy.</summary>
    /// <param name="maxNumberOfAttempts">Total attempts including the first; at least 1.</param>
    /// <param name="firstRetryInterval">Delay before the first retry; positive.</param>
    /// <param name="backoffCoefficient">Multiplier per retry; at least 1.</param>
    /// <param name="maxRetryInterval">Cap on any delay (default 1 hour).</param>
    /// <param name="retryTimeout">No retry after this long since the first attempt (default infinite).</param>
    public RetryPolicy(
        int maxNumberOfAttempts,
        TimeSpan firstRetryInterval,
        double backoffCoefficient = 1.0,
        TimeSpan? maxRetryInterval = null,
        TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        if (firstRetryInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(firstRetryInterval), firstRetryInterval, "The first retry interval must be positive.");
        }

        if (double.IsNaN(backoffCoefficient) || backoffCoefficient < 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(backoffCoefficient), backoffCoefficient, "The backoff coefficient must be at least 1.0.");
        }

        TimeSpan max = maxRetryInterval ?? TimeSpan.FromHours(1);
        if (max != Timeout.InfiniteTimeSpan && max < firstRetryInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRetryInterval), max, "The max retry interval must not be shorter than the first retry interval.");
        }

        TimeSpan timeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
        if (timeout != Timeout.InfiniteTimeSpan && timeout < firstRetryInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(retryTimeout), timeout, "The retry timeout must not be shorter than the first retry interval.");
        }

        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = max;
        RetryTimeout = timeout;
    }

    /// <summary>Total attempts including the first.</summary>
    public int MaxNumberOfAttempts { get; }

    /// <summary>Delay before the first retry.</summary>
    public TimeSpan FirstRetryInterval { get; }

    /// <summary>Multiplier applied per retry.</summary>
    public double BackoffCoefficient { get; }

    /// <summary>Cap on any single delay.</summary>
    public TimeSpan MaxRetryInterval { get; }

    /// <summary>No retry is made once this much time has passed since the first attempt.</summary>
    public TimeSpan RetryTimeout { get; }

    /// <summary>Decides whether a failure is retried at all (default: every failure is).</summary>
    public Func<TaskFailureDetails, bool> HandleFailure { get; init; } = static _ => true;

    /// <summary>
    /// The delay before the retry that follows attempt <paramref name="failedAttempt"/> (1-based), or null when no
    /// retry is due because attempts or the retry timeout are exhausted.
    /// </summary>
    /// <param name="failedAttempt">The attempt that just failed (1 for the first).</param>
    /// <param name="elapsedSinceFirstAttempt">Time since the first attempt was scheduled.</param>
    public TimeSpan? GetNextDelay(int failedAttempt, TimeSpan elapsedSinceFirstAttempt)
    {
        if (failedAttempt >= MaxNumberOfAttempts)
        {
            return null;
        }

        if (RetryTimeout != Timeout.InfiniteTimeSpan && elapsedSinceFirstAttempt >= RetryTimeout)
        {
            return null;
        }

        double ticks = FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, failedAttempt - 1);
        if (MaxRetryInterval != Timeout.InfiniteTimeSpan && ticks > MaxRetryInterval.Ticks)
        {
            return MaxRetryInterval;
        }

        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
    }
}
