namespace Dealix.Runtime.Worker;

/// <summary>
/// Runs orchestrator continuations on the executing thread, one at a time, in the order they were posted. The
/// executor drains it after every history event, so that orchestrator code is single-threaded and deterministic.
/// </summary>
internal sealed class ReplaySynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly Lock _gate = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_gate)
        {
            _queue.Enqueue((d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Orchestrator code cannot block on its own scheduler.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs posted continuations until none are left.</summary>
    public void Drain()
    {
        while (true)
        {
            (SendOrPostCallback Callback, object? State) next;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    return;
                }

                next = _queue.Dequeue();
            }

            next.Callback(next.State);
        }
    }
}
