namespace Dealix.Runtime.Hosting.Timers;

/// <summary>
/// Makes one host instance the runner of a timer, as the Functions host does with its singleton lock: with several
/// instances on one task hub, each occurrence runs once.
/// </summary>
public interface ITimerLock
{
    /// <summary>Tries to become the runner of <paramref name="timerName"/>; null when another instance holds it.</summary>
    Task<ITimerLease?> TryAcquireAsync(string timerName, CancellationToken cancellation);
}

/// <summary>A held timer lock; <see cref="RenewAsync"/> must be called well within the lease period.</summary>
public interface ITimerLease : IAsyncDisposable
{
    /// <summary>How often to renew.</summary>
    TimeSpan RenewInterval { get; }

    /// <summary>Extends the lease; false when it was lost (another instance now runs the timer).</summary>
    Task<bool> RenewAsync(CancellationToken cancellation);
}

/// <summary>The lock of a single process (in-memory backend): always granted.</summary>
public sealed class ProcessTimerLock : ITimerLock
{
    /// <inheritdoc />
    public Task<ITimerLease?> TryAcquireAsync(string timerName, CancellationToken cancellation) => Task.FromResult<ITimerLease?>(new Lease());

    private sealed class Lease : ITimerLease
    {
        public TimeSpan RenewInterval => TimeSpan.FromMinutes(1);

        public Task<bool> RenewAsync(CancellationToken cancellation) => Task.FromResult(true);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
