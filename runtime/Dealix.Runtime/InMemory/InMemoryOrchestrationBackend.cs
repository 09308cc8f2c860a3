using Dealix.Runtime.Backend;

namespace Dealix.Runtime.InMemory;

/// <summary>
/// A task hub held in process memory, for tests and local experiments. Keeps the full backend contract (one
/// episode per instance at a time, atomic commits, delayed messages) and runs its timers on a
/// <see cref="TimeProvider"/>, so a test on a fake clock can skip 30 days in a millisecond. It can also tell when
/// it is idle (no work queued or running), which is what lets a test host advance time deterministically.
/// </summary>
public sealed class InMemoryOrchestrationBackend : IOrchestrationBackend, IInstanceChangeNotifier
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Entry> _instances = new(StringComparer.Ordinal);
    private readonly Queue<Entry> _ready = new();
    private readonly Queue<ActivityMessage> _activities = new();
    private readonly PriorityQueue<OrchestrationMessage, (DateTime Due, long Sequence)> _delayed = new();
    private readonly ITimer _timer;
    private long _sequence;
    private int _lockedInstances;
    private int _activitiesInFlight;
    private TaskCompletionSource _workAvailable = NewSignal();
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Creates an empty hub.</summary>
    public InMemoryOrchestrationBackend(string taskHubName = "InMemoryHub", TimeProvider? timeProvider = null)
    {
        TaskHubName = taskHubName;
        _time = timeProvider ?? TimeProvider.System;
        _timer = _time.CreateTimer(_ => ReleaseDueMessages(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc />
    public string TaskHubName { get; }

    /// <summary>True when no episode or activity is queued or running (delayed messages may be waiting).</summary>
    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _ready.Count == 0 && _lockedInstances == 0 && _activities.Count == 0 && _activitiesInFlight == 0;
            }
        }
    }

    /// <summary>When the next delayed message (timer, delayed start) becomes deliverable, if any.</summary>
    public DateTime? NextDueTime
    {
        get
        {
            lock (_gate)
            {
                return _delayed.TryPeek(out _, out var key) ? key.Due : null;
            }
        }
    }

    /// <summary>Completes when the hub is idle.</summary>
    public async Task WaitForIdleAsync(CancellationToken cancellation = default)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_ready.Count == 0 && _lockedInstances == 0 && _activities.Count == 0 && _activitiesInFlight == 0)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellation);
        }
    }

    /// <inheritdoc />
    public Task CreateIfNotExistsAsync(CancellationToken cancellation = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task DeleteAsync(CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            _instances.Clear();
            _ready.Clear();
            _activities.Clear();
            _delayed.Clear();
            Signal(ref _changed);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CreateInstanceAsync(InstanceState pending, OrchestrationMessage startMessage, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(startMessage);
        lock (_gate)
        {
            if (_instances.TryGetValue(pending.InstanceId, out Entry? existing) && existing.State is { } state && !state.Status.IsTerminal())
            {
                throw InstanceConflict.Create(pending.InstanceId, state.Status);
            }

            // A fresh entry: an episode still running on the old one will find it replaced and lose its lock.
            _instances[pending.InstanceId] = new Entry(pending.InstanceId) { State = pending };
            Deliver(startMessage);
            Signal(ref _changed);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SendMessageAsync(OrchestrationMessage message, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            Deliver(message);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<InstanceState?> GetInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_instances.TryGetValue(instanceId, out Entry? entry) ? entry.State : null);
        }
    }

    /// <inheritdoc />
    public Task<InstancePage> QueryInstancesAsync(InstanceFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_gate)
        {
            string? after = filter.ContinuationToken;
            List<InstanceState> matches = [.. _instances.Values
                .Select(e => e.State)
                .OfType<InstanceState>()
                .Where(s => (after is null || string.CompareOrdinal(s.InstanceId, after) > 0) && filter.Matches(s))
                .OrderBy(s => s.InstanceId, StringComparer.Ordinal)
                .Take(filter.PageSize + 1)];
            bool more = matches.Count > filter.PageSize;
            if (more)
            {
                matches.RemoveAt(matches.Count - 1);
            }

            return Task.FromResult(new InstancePage(matches, more ? matches[^1].InstanceId : null));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            IReadOnlyList<HistoryEvent> history = _instances.TryGetValue(instanceId, out Entry? entry) ? [.. entry.History] : [];
            return Task.FromResult(history);
        }
    }

    /// <inheritdoc />
    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            if (_instances.TryGetValue(instanceId, out Entry? entry) && entry.State is { } state && state.Status.IsTerminal())
            {
                _instances.Remove(instanceId);
                Signal(ref _changed);
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }

    /// <inheritdoc />
    public Task<int> PurgeInstancesAsync(InstanceFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_gate)
        {
            string[] doomed = [.. _instances.Values
                .Where(e => e.State is { } s && s.Status.IsTerminal() && filter.Matches(s))
                .Select(e => e.InstanceId)];
            foreach (string id in doomed)
            {
                _instances.Remove(id);
            }

            Signal(ref _changed);
            return Task.FromResult(doomed.Length);
        }
    }

    /// <inheritdoc />
    public async Task<OrchestrationWorkItem?> LockNextOrchestrationWorkItemAsync(CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            Task available;
            lock (_gate)
            {
                while (_ready.TryDequeue(out Entry? entry))
                {
                    entry.Queued = false;
                    if (entry.Locked || entry.Inbox.Count == 0 || !ReferenceEquals(_instances.GetValueOrDefault(entry.InstanceId), entry))
                    {
                        continue;
                    }

                    entry.Locked = true;
                    _lockedInstances++;
                    return new OrchestrationWorkItem(entry.InstanceId, entry.State, [.. entry.History], [.. entry.Inbox]) { BackendState = entry };
                }

                available = _workAvailable.Task;
            }

            try
            {
                await available.WaitAsync(cancellation);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(commit);
        var entry = (Entry)workItem.BackendState!;
        lock (_gate)
        {
            Release(entry);
            if (!ReferenceEquals(_instances.GetValueOrDefault(entry.InstanceId), entry))
            {
                Signal(ref _changed);
                throw new WorkItemLostException($"Instance '{entry.InstanceId}' was replaced or purged while its episode ran.");
            }

            entry.State = commit.State;
            if (commit.ReplaceHistory)
            {
                entry.History.Clear();
            }

            entry.History.AddRange(commit.NewHistory);
            var consumed = new HashSet<OrchestrationMessage>(workItem.NewMessages, ReferenceEqualityComparer.Instance);
            entry.Inbox.RemoveAll(consumed.Contains);
            foreach (ActivityMessage activity in commit.ActivityMessages)
            {
                _activities.Enqueue(activity);
            }

            foreach (OrchestrationMessage message in commit.OrchestratorMessages)
            {
                Deliver(message);
            }

            MarkReady(entry);
            Signal(ref _workAvailable);
            Signal(ref _changed);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        var entry = (Entry)workItem.BackendState!;
        lock (_gate)
        {
            Release(entry);
            MarkReady(entry);
            Signal(ref _changed);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ActivityWorkItem?> LockNextActivityWorkItemAsync(CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            Task available;
            lock (_gate)
            {
                if (_activities.TryDequeue(out ActivityMessage? message))
                {
                    _activitiesInFlight++;
                    return new ActivityWorkItem(message);
                }

                available = _workAvailable.Task;
            }

            try
            {
                await available.WaitAsync(cancellation);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, OrchestrationMessage response, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(response);
        lock (_gate)
        {
            _activitiesInFlight--;
            Deliver(response);
            Signal(ref _changed);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        lock (_gate)
        {
            _activitiesInFlight--;
            _activities.Enqueue(workItem.Message);
            Signal(ref _workAvailable);
            Signal(ref _changed);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task WaitForChangeAsync(string instanceId, TimeSpan maxWait, CancellationToken cancellation)
    {
        Task changed;
        lock (_gate)
        {
            changed = _changed.Task;
        }

        try
        {
            await changed.WaitAsync(maxWait, cancellation);
        }
        catch (TimeoutException)
        {
            // Time to look again.
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _timer.Dispose();
        lock (_gate)
        {
            Signal(ref _workAvailable);
        }

        return ValueTask.CompletedTask;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void Signal(ref TaskCompletionSource signal)
    {
        TaskCompletionSource fired = signal;
        signal = NewSignal();
        fired.TrySetResult();
    }

    private void Release(Entry entry)
    {
        if (entry.Locked)
        {
            entry.Locked = false;
            _lockedInstances--;
        }
    }

    private void Deliver(OrchestrationMessage message)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        if (message.VisibleAt is { } due && due > now)
        {
            _delayed.Enqueue(message, (due, _sequence++));
            ArmTimer(now);
            return;
        }

        if (!_instances.TryGetValue(message.InstanceId, out Entry? entry))
        {
            if (message.Event is not ExecutionStartedEvent)
            {
                return; // the instance does not exist: dropped, as the contract says
            }

            entry = new Entry(message.InstanceId);
            _instances.Add(message.InstanceId, entry);
        }

        entry.Inbox.Add(message);
        MarkReady(entry);
        Signal(ref _workAvailable);
    }

    private void MarkReady(Entry entry)
    {
        if (!entry.Locked && !entry.Queued && entry.Inbox.Count > 0)
        {
            entry.Queued = true;
            _ready.Enqueue(entry);
        }
    }

    private void ArmTimer(DateTime now)
    {
        if (_delayed.TryPeek(out _, out var next))
        {
            TimeSpan wait = next.Due - now;
            _timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1), Timeout.InfiniteTimeSpan);
        }
    }

    private void ReleaseDueMessages()
    {
        lock (_gate)
        {
            DateTime now = _time.GetUtcNow().UtcDateTime;
            while (_delayed.TryPeek(out OrchestrationMessage? message, out var key) && key.Due <= now)
            {
                _delayed.Dequeue();
                Deliver(message with { VisibleAt = null });
            }

            ArmTimer(now);
            Signal(ref _changed);
        }
    }

    private sealed class Entry(string instanceId)
    {
        public string InstanceId { get; } = instanceId;

        public InstanceState? State { get; set; }

        public List<HistoryEvent> History { get; } = [];

        public List<OrchestrationMessage> Inbox { get; } = [];

        public bool Locked { get; set; }

        public bool Queued { get; set; }
    }
}
