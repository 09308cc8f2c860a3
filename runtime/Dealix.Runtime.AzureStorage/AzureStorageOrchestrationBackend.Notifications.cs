using System.Collections.Concurrent;
using Dealix.DurableTask.Backend;

namespace Dealix.DurableTask.AzureStorage;

/// <summary>
/// Wakes clients in this process when an instance commits here, so a client sharing the backend with its worker does
/// not poll. Commits made by other processes are seen at the client's polling interval.
/// </summary>
public sealed partial class AzureStorageOrchestrationBackend : IInstanceChangeNotifier
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _changeWaiters = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task WaitForChangeAsync(string instanceId, TimeSpan maxWait, CancellationToken cancellation)
    {
        TaskCompletionSource waiter = _changeWaiters.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await waiter.Task.WaitAsync(maxWait, _time, cancellation);
        }
        catch (TimeoutException)
        {
            // No change seen here within maxWait: the caller reads the state again.
        }
    }

    private void NotifyChanged(string instanceId)
    {
        if (_changeWaiters.TryRemove(instanceId, out TaskCompletionSource? waiter))
        {
            waiter.TrySetResult();
        }
    }
}
