using Microsoft.Extensions.Logging;

namespace Dealix.DurableTask;

/// <summary>
/// What orchestrator code sees of its durable run: deterministic time and ids, and the durable operations
/// (activities, sub-orchestrations, timers, external events). Orchestrator code is replayed from history many
/// times and must make the same calls in the same order each time; every member must be called from the
/// orchestrator's own thread.
/// </summary>
public abstract class TaskOrchestrationContext
{
    /// <summary>The name of the running orchestrator.</summary>
    public abstract TaskName Name { get; }

    /// <summary>The id of this instance.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The parent, when this orchestration was started as a sub-orchestration.</summary>
    public abstract ParentOrchestrationInstance? Parent { get; }

    /// <summary>Deterministic "now" (UTC), taken from history: the same on every replay at the same point.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the code is re-executing steps already recorded in history.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>The version stamped on the instance when it was created.</summary>
    public virtual string Version => string.Empty;

    /// <summary>A factory whose loggers write only when the code is not replaying.</summary>
    public virtual ILoggerFactory ReplaySafeLoggerFactory => new ReplaySafeLoggerFactory(this, LoggerFactory);

    /// <summary>The underlying logger factory.</summary>
    protected abstract ILoggerFactory LoggerFactory { get; }

    /// <summary>The orchestrator input, deserialized.</summary>
    public abstract T? GetInput<T>();

    /// <summary>Schedules an activity and waits for it; throws <see cref="TaskFailedException"/> if it fails.</summary>
    public virtual Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>Schedules an activity without input and waits for it.</summary>
    public virtual Task CallActivityAsync(TaskName name, TaskOptions options) => CallActivityAsync(name, null, options);

    /// <summary>Schedules an activity and waits for its typed result.</summary>
    public abstract Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null);

    /// <summary>Schedules an activity without input and waits for its typed result.</summary>
    public virtual Task<TResult> CallActivityAsync<TResult>(TaskName name, TaskOptions options) =>
        CallActivityAsync<TResult>(name, null, options);

    /// <summary>Starts a child orchestration and waits for its output; failure surfaces as <see cref="TaskFailedException"/>.</summary>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null);

    /// <summary>Starts a child orchestration without input and waits for its output.</summary>
    public virtual Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, TaskOptions options) =>
        CallSubOrchestratorAsync<TResult>(orchestratorName, null, options);

    /// <summary>Starts a child orchestration and waits for it to finish.</summary>
    public virtual Task CallSubOrchestratorAsync(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        CallSubOrchestratorAsync<object?>(orchestratorName, input, options);

    /// <summary>Starts a child orchestration without input and waits for it to finish.</summary>
    public virtual Task CallSubOrchestratorAsync(TaskName orchestratorName, TaskOptions options) =>
        CallSubOrchestratorAsync(orchestratorName, null, options);

    /// <summary>A durable timer that fires <paramref name="delay"/> after <see cref="CurrentUtcDateTime"/>.</summary>
    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>
    /// A durable timer that fires at <paramref name="fireAt"/> (converted to UTC). Timers of any length are allowed.
    /// Cancelling the token cancels the timer's task; a fired event for a cancelled timer is ignored.
    /// </summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for a named external event (names are case-insensitive). Events raised before the wait are buffered
    /// and delivered in arrival order; each event completes exactly one waiter.
    /// </summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for a named event or until <paramref name="timeout"/> passes (then <see cref="TaskCanceledException"/>).</summary>
    public Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout) =>
        WaitForExternalEvent<T>(eventName, timeout, CancellationToken.None);

    /// <summary>Waits for a named event, until <paramref name="timeout"/> passes or the token is cancelled.</summary>
    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var waitCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timerCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<T> received = WaitForExternalEvent<T>(eventName, waitCancellation.Token);
        Task timeoutTask = CreateTimer(timeout, timerCancellation.Token);
        Task winner = await Task.WhenAny(received, timeoutTask);
        if (winner == received)
        {
            timerCancellation.Cancel();
            return await received;
        }

        // The wait is withdrawn so a later event is buffered for the next waiter instead of being swallowed.
        waitCancellation.Cancel();
        throw new TaskCanceledException($"No '{eventName}' event arrived within {timeout}.");
    }

    /// <summary>Sends an event to another instance (fire-and-forget; dropped if the target does not exist).</summary>
    public abstract void SendEvent(string instanceId, string eventName, object payload);

    /// <summary>Sets a serializable status visible to status queries (null clears it; at most 16 KB serialized).</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>
    /// Restarts this instance with new input and an empty history when the orchestrator returns. Pending tasks are
    /// discarded; external events not yet consumed are carried over unless <paramref name="preserveUnprocessedEvents"/> is false.
    /// </summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>Options form of <see cref="ContinueAsNew(object?, bool)"/>.</summary>
    public virtual void ContinueAsNew(ContinueAsNewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ContinueAsNew(options.NewInput, options.PreserveUnprocessedEvents);
    }

    /// <summary>A replay-safe GUID: name-based from the instance id, the orchestration time and a sequence number.</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that writes only when the code is not replaying.</summary>
    public virtual ILogger CreateReplaySafeLogger(string categoryName) => ReplaySafeLoggerFactory.CreateLogger(categoryName);

    /// <summary>A logger that writes only when the code is not replaying.</summary>
    public virtual ILogger CreateReplaySafeLogger(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return CreateReplaySafeLogger(type.FullName ?? type.Name);
    }

    /// <summary>A logger that writes only when the code is not replaying.</summary>
    public virtual ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T));

    /// <summary>Compares the instance version with <paramref name="version"/> (empty sorts lowest).</summary>
    public virtual int CompareVersionTo(string version) =>
        string.Compare(Version, version ?? string.Empty, StringComparison.OrdinalIgnoreCase);
}
