namespace Dealix.Runtime.AzureStorage;

/// <summary>An auto-reset wake-up for polling loops: <see cref="Set"/> ends the current (or next) wait early.</summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource _source = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Volatile.Read(ref _source).TrySetResult();

    /// <summary>Waits for a signal or the delay; false when the delay ran out.</summary>
    public async Task<bool> WaitAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellation)
    {
        TaskCompletionSource source = Volatile.Read(ref _source);
        if (delay > TimeSpan.Zero && !source.Task.IsCompleted)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            Task delayTask = Task.Delay(delay, time, timeout.Token);
            Task first = await Task.WhenAny(source.Task, delayTask);
            await timeout.CancelAsync();
            cancellation.ThrowIfCancellationRequested();
            if (first != source.Task)
            {
                return false;
            }
        }

        Interlocked.CompareExchange(ref _source, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), source);
        return source.Task.IsCompleted;
    }
}
