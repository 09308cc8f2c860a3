using Dealix.Runtime.Backend;

namespace Dealix.Runtime.AzureStorage;

/// <summary>
/// Wakes clients in this process when an instance commits here, so a client sharing the backend with its worker does
/// not poll. Commits made by other processes are seen at the client's polling interval.
/// </summary>
public sealed partial class AzureStorageOrchestrationBackend : IInstanceChangeNotifier
{
    // One waiter per instance with clients waiting; the last client to stop waiting removes it, so instances that
    // never change again leave nothing behind.
    private readonly Dictionary<string, ChangeWaiter> _changeWaiters = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task WaitForChangeAsync(string instanceId, TimeSpan maxWait, CancellationToken cancellation)
    {
        ChangeWaiter waiter;
        lock (_changeWaiters)
        {
            if (!_changeWaiters.TryGetValue(instanceId, out waiter!))
            {
                waiter = new ChangeWaiter();
                _changeWaiters[instanceId] = waiter;
            }

            waiter.Count++;
        }

        try
        {
            await waiter.Changed.Task.WaitAsync(maxWait, _time, cancellation);
        }
        catch (TimeoutException)
        {
            // No change seen here within maxWait: the caller reads the state again.
        }
        finally
        {
            lock (_changeWaiters)
            {
                if (--waiter.Count == 0 && _changeWaiters.TryGetValue(instanceId, out ChangeWaiter? current) && current == waiter)
                {
                    _changeWaiters.Remove(instanceId);
                }
            }
        }
    }

    private void NotifyChanged(string instanceId)
    {
        ChangeWaiter? waiter;
        lock (_changeWaiters)
        {
            _changeWaiters.Remove(instanceId, out waiter);
        }

        waiter?.Changed.TrySetResult();
    }

    private sealed class ChangeWaiter
    {
        public int Count { get; set; }

        public TaskCompletionSource Changed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
