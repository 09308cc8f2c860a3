using System.Security.Cryptography;
using System.Text;
using Dealix.Runtime.Backend;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Worker;

/// <summary>
/// The context handed to orchestrator code during one episode. It records the durable calls the code makes
/// (actions), matches them against the history while replaying, and completes the code's tasks as history events
/// are applied. Single-threaded: every call must come from the executing thread.
/// </summary>
internal sealed partial class ReplayOrchestrationContext : TaskOrchestrationContext
{
    /// <summary>The largest custom status accepted, in UTF-16 bytes (as in Durable Functions).</summary>
    public const int MaxCustomStatusBytes = 16 * 1024;

    private static readonly Guid GuidNamespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    private readonly DataConverter _converter;
    private readonly ILoggerFactory _loggerFactory;
    private readonly SortedDictionary<int, OrchestratorAction> _actions = [];
    private readonly Dictionary<int, OpenTask> _openTasks = [];
    private readonly Dictionary<string, LinkedList<EventWaiter>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EventRaisedEvent> _bufferedEvents = [];
    private readonly int _threadId = Environment.CurrentManagedThreadId;
    private int _nextId;
    private int _guidCounter;
    private string? _rawInput;

    public ReplayOrchestrationContext(string instanceId, DataConverter converter, ILoggerFactory loggerFactory)
    {
        InstanceId = instanceId;
        _converter = converter;
        _loggerFactory = loggerFactory;
        ExecutionId = string.Empty;
    }

    public override TaskName Name => OrchestratorName;

    public override string InstanceId { get; }

    public override ParentOrchestrationInstance? Parent => ParentInfo is null ? null : new ParentOrchestrationInstance(ParentInfo.Name, ParentInfo.InstanceId);

    public override DateTime CurrentUtcDateTime => CurrentTime;

    public override bool IsReplaying => Replaying;

    public override string Version => InstanceVersion ?? string.Empty;

    protected override ILoggerFactory LoggerFactory => _loggerFactory;

    internal string OrchestratorName { get; private set; } = string.Empty;

    internal string ExecutionId { get; private set; }

    internal ParentInstanceInfo? ParentInfo { get; private set; }

    internal string? InstanceVersion { get; private set; }

    internal DateTime CurrentTime { get; set; }

    internal bool Replaying { get; set; }

    internal bool CustomStatusSet { get; private set; }

    internal string? SerializedCustomStatus { get; private set; }

    internal ContinueAsNewRequest? ContinueAsNewRequested { get; private set; }

    internal NonDeterministicOrchestrationException? NonDeterminism { get; private set; }

    /// <summary>External events received but not (yet) consumed by a wait, in arrival order.</summary>
    internal IReadOnlyList<EventRaisedEvent> BufferedEvents => _bufferedEvents;

    internal void Initialize(ExecutionStartedEvent started)
    {
        OrchestratorName = started.Name;
        ExecutionId = started.ExecutionId;
        ParentInfo = started.Parent;
        InstanceVersion = started.Version;
        _rawInput = started.Input;
    }

    public override T? GetInput<T>() where T : default => _converter.Deserialize<T>(_rawInput);

    public override async Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        CheckThread();
        RefuseTaskVersion(options, "activity", name);
        ArgumentException.ThrowIfNullOrWhiteSpace(name.Name, nameof(name));
        string? serializedInput = SerializeArgument(input, "activity", name.Name);
        string? raw = options?.Retry is { } retry
            ? await WithRetryAsync(retry, subOrchestration: false, (attempt, firstId) => ScheduleActivity(name.Name, serializedInput, attempt, firstId))
            : await ScheduleActivity(name.Name, serializedInput, 1, -1).Task;
        return DeserializeResult<TResult>(raw);
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        CheckThread();
        RefuseTaskVersion(options, "sub-orchestration", orchestratorName);
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName.Name, nameof(orchestratorName));
        string? fixedId = (options as SubOrchestrationOptions)?.InstanceId;
        if (fixedId is not null)
        {
            InstanceIds.Validate(fixedId, nameof(options));
        }

        string? serializedInput = SerializeArgument(input, "sub-orchestration", orchestratorName.Name);
        string? raw = options?.Retry is { } retry
            ? await WithRetryAsync(retry, subOrchestration: true, (_, _) => StartSubOrchestration(orchestratorName.Name, fixedId, serializedInput))
            : await StartSubOrchestration(orchestratorName.Name, fixedId, serializedInput).Task;
        return DeserializeResult<TResult>(raw);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        CheckThread();
        DateTime utc = fireAt.Kind switch
        {
            DateTimeKind.Local => fireAt.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(fireAt, DateTimeKind.Utc),
            _ => fireAt,
        };
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        int id = _nextId++;
        _actions.Add(id, new CreateTimerAction(id, utc));
        var open = new OpenTask("timer");
        _openTasks.Add(id, open);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                // The fired event of a cancelled timer is ignored when it arrives.
                if (_openTasks.Remove(id))
                {
                    open.Completion.TrySetCanceled(cancellationToken);
                }
            });
        }

        return open.Completion.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        CheckThread();
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        int buffered = _bufferedEvents.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (buffered >= 0)
        {
            EventRaisedEvent arrived = _bufferedEvents[buffered];
            _bufferedEvents.RemoveAt(buffered);
            return DeserializeAsTask<T>(arrived.Input);
        }

        if (!_waiters.TryGetValue(eventName, out LinkedList<EventWaiter>? waiters))
        {
            waiters = new LinkedList<EventWaiter>();
            _waiters.Add(eventName, waiters);
        }

        var waiter = new EventWaiter();
        LinkedListNode<EventWaiter> node = waiters.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    waiters.Remove(node);
                    waiter.Completion.TrySetCanceled(cancellationToken);
                }
            });
        }

        return ConvertAsync<T>(waiter.Completion.Task);
    }

    public override void SendEvent(string instanceId, string eventName, object payload)
    {
        CheckThread();
        InstanceIds.Validate(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        string? serialized = SerializeArgument(payload, "event", eventName);
        int id = _nextId++;
        _actions.Add(id, new SendEventAction(id, instanceId, eventName, serialized));
    }

    public override void SetCustomStatus(object? customStatus)
    {
        CheckThread();
        string? serialized = SerializeArgument(customStatus, "custom status", name: null);
        if (serialized is not null && serialized.Length * 2 > MaxCustomStatusBytes)
        {
            throw new ArgumentException(
                $"The custom status is {serialized.Length * 2} bytes serialized; at most {MaxCustomStatusBytes} are allowed.", nameof(customStatus));
        }

        SerializedCustomStatus = serialized;
        CustomStatusSet = true;
    }

    public override void ContinueAsNew(ContinueAsNewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.NewVersion) && !string.Equals(options.NewVersion, Version, StringComparison.Ordinal))
        {
            throw new NotSupportedException(
                "ContinueAsNewOptions.NewVersion is not supported by the Dealix engine yet: a new generation keeps the instance's version.");
        }

        ContinueAsNew(options.NewInput, options.PreserveUnprocessedEvents);
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
    {
        CheckThread();
        ContinueAsNewRequested = new ContinueAsNewRequest(SerializeArgument(newInput, "continue-as-new input", name: null), preserveUnprocessedEvents);
    }

    /// <summary>
    /// Task versions (TaskOptions.Version: versioned activity or orchestrator implementations) are not supported by the
    /// Dealix engine yet; a call that asks for one fails at once with that reason instead of running another version.
    /// The message is built only then: this runs on every call, replays included, so it must not allocate.
    /// </summary>
    private static void RefuseTaskVersion(TaskOptions? options, string kind, TaskName name)
    {
        if (options?.Version is { } version && !string.IsNullOrEmpty(version.Version))
        {
            throw new NotSupportedException(
                $"TaskOptions.Version ('{version.Version}' for {kind} '{name}') is not supported by the Dealix engine yet: tasks are found by name only.");
        }
    }

    public override Guid NewGuid()
    {
        CheckThread();
        string name = $"{InstanceId}_{CurrentUtcDateTime:O}_{_guidCounter++}";
        return NameBasedGuid(GuidNamespace, name);
    }

    /// <summary>A version 5 (SHA-1, name-based) UUID as RFC 4122 defines it.</summary>
    internal static Guid NameBasedGuid(Guid namespaceId, string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        namespaceId.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        byte[] data = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(data);
        nameBytes.CopyTo(data, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 specifies for version 5 UUIDs; this is not a security use.
        byte[] hash = SHA1.HashData(data);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private void CheckThread()
    {
        if (Environment.CurrentManagedThreadId != _threadId)
        {
            throw new InvalidOperationException(
                "Orchestrator code called the context from another thread. Orchestrators must not use Task.Run, ConfigureAwait(false) or non-durable awaits.");
        }
    }

    // The description is only put together when serializing fails: this runs for every call an orchestrator makes.
    private string? SerializeArgument(object? value, string what, string? name)
    {
        try
        {
            return _converter.Serialize(value);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or System.Text.Json.JsonException or ArgumentException)
        {
            string subject = name is null ? what : $"{what} '{name}'";
            throw new ArgumentException($"The {subject} cannot be serialized: {ex.Message}", ex);
        }
    }

    private TResult DeserializeResult<TResult>(string? raw) => _converter.Deserialize<TResult>(raw)!;

    private Task<T> DeserializeAsTask<T>(string? raw)
    {
        try
        {
            return Task.FromResult(_converter.Deserialize<T>(raw)!);
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    private async Task<T> ConvertAsync<T>(Task<string?> raw) => _converter.Deserialize<T>(await raw)!;

    private (Task<string?> Task, int Id) ScheduleActivity(string name, string? input, int attempt, int firstAttemptId)
    {
        int id = _nextId++;
        _actions.Add(id, new ScheduleTaskAction(id, name, input, attempt, firstAttemptId < 0 ? id : firstAttemptId));
        var open = new OpenTask(name);
        _openTasks.Add(id, open);
        return (open.Completion.Task, id);
    }

    private (Task<string?> Task, int Id) StartSubOrchestration(string name, string? fixedInstanceId, string? input)
    {
        string childId = fixedInstanceId ?? NewGuid().ToString("N");
        int id = _nextId++;
        _actions.Add(id, new CreateSubOrchestrationAction(id, name, childId, input));
        var open = new OpenTask(name);
        _openTasks.Add(id, open);
        return (open.Completion.Task, id);
    }

    private async Task<string?> WithRetryAsync(TaskRetryOptions retry, bool subOrchestration, Func<int, int, (Task<string?> Task, int Id)> attempt)
    {
        DateTime firstAttemptAt = CurrentUtcDateTime;
        int attemptNumber = 1;
        int firstId = -1;
        while (true)
        {
            (Task<string?> task, int id) = attempt(attemptNumber, firstId);
            if (firstId < 0)
            {
                firstId = id;
            }

            try
            {
                return await task;
            }
            catch (TaskFailedException failure)
            {
                TimeSpan elapsed = CurrentUtcDateTime - firstAttemptAt;
                if (retry.Policy is { } policy)
                {
                    TimeSpan? delay = RetryDecisions.NextDelay(policy, failure, subOrchestration, attemptNumber, elapsed);
                    if (delay is null)
                    {
                        throw;
                    }

                    await CreateTimer(CurrentUtcDateTime.Add(delay.Value), CancellationToken.None);
                }
                else if (!await retry.Handler!(new RetryContext(this, attemptNumber, failure.FailureDetails, elapsed, CancellationToken.None)))
                {
                    throw;
                }

                attemptNumber++;
            }
        }
    }

    private sealed class OpenTask(string name)
    {
        public string Name { get; } = name;

        public TaskCompletionSource<string?> Completion { get; } = new();
    }

    private sealed class EventWaiter
    {
        public TaskCompletionSource<string?> Completion { get; } = new();
    }
}

/// <summary>A continue-as-new the code asked for.</summary>
/// <param name="NewInput">Serialized input of the next execution.</param>
/// <param name="PreserveUnprocessedEvents">Carry unconsumed events over.</param>
internal sealed record ContinueAsNewRequest(string? NewInput, bool PreserveUnprocessedEvents);
