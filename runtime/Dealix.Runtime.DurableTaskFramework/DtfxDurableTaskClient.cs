using System.Globalization;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using CoreOrchestrationState = DurableTask.Core.OrchestrationState;
using CoreOrchestrationStatus = DurableTask.Core.OrchestrationStatus;

namespace Dealix.Runtime.DurableTaskFramework;

/// <summary>
/// The official <see cref="DurableTaskClient"/> over Microsoft's engine: every call goes to a DurableTask.Core
/// <see cref="IOrchestrationServiceClient"/> (in the local host the <see cref="AzureStorageOrchestrationService"/>
/// the <see cref="DtfxWorkerHost"/> runs on), so functions, the management API and the CLI use the same client
/// type whichever engine runs the app. Payloads are serialized with the official <see cref="JsonDataConverter"/>
/// unless another <see cref="DataConverter"/> is given, the same one the worker's shims use.
/// </summary>
/// <remarks>
/// Durable entities, rewind, history export and recursive terminate/purge are not offered: those members throw
/// <see cref="NotSupportedException"/> with the reason. Orchestration versions are stored with the instance but the
/// worker dispatches by name only.
/// </remarks>
public sealed partial class DtfxDurableTaskClient : DurableTaskClient
{
    private readonly IOrchestrationServiceClient _client;
    private readonly DataConverter _dataConverter;
    private readonly TimeSpan _statusPollingInterval;
    private readonly AzureStorageOrchestrationService? _ownedService;

    /// <summary>Creates a client over a DurableTask.Core orchestration service client.</summary>
    /// <param name="name">The client's name (the task hub's name in the local host).</param>
    /// <param name="client">
    /// The engine to talk to. Queries need it to implement <see cref="IOrchestrationServiceQueryClient"/> and purges
    /// <see cref="IOrchestrationServicePurgeClient"/>; <see cref="AzureStorageOrchestrationService"/> implements both.
    /// </param>
    /// <param name="dataConverter">Serializes inputs, outputs and event payloads; default <see cref="JsonDataConverter.Default"/>.</param>
    /// <param name="statusPollingInterval">How often <c>WaitForInstance*</c> reads the status; default one second.</param>
    public DtfxDurableTaskClient(
        string name,
        IOrchestrationServiceClient client,
        DataConverter? dataConverter = null,
        TimeSpan? statusPollingInterval = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (statusPollingInterval is { } interval && interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(statusPollingInterval), interval, "The polling interval must be positive.");
        }

        _client = client;
        _dataConverter = dataConverter ?? JsonDataConverter.Default;
        _statusPollingInterval = statusPollingInterval ?? TimeSpan.FromSeconds(1);
    }

    /// <summary>
    /// Creates a client with an engine connection of its own, for a process that runs no worker (the CLI, a
    /// management tool). The connection is disposed with the client. Inside the local host use
    /// <see cref="DtfxWorkerHost.Client"/> instead, which shares the worker's connection.
    /// </summary>
    /// <param name="options">Connection string, task hub name and <see cref="DtfxOptions.StatusPollingInterval"/>.</param>
    /// <param name="loggerFactory">Receives DurableTask.AzureStorage's logs; none when null.</param>
    /// <param name="dataConverter">Serializes inputs, outputs and event payloads; default <see cref="JsonDataConverter.Default"/>.</param>
    public DtfxDurableTaskClient(DtfxOptions options, ILoggerFactory? loggerFactory = null, DataConverter? dataConverter = null)
        : this(
            (options ?? throw new ArgumentNullException(nameof(options))).TaskHubName,
            new AzureStorageOrchestrationService(options.ToSettings(loggerFactory ?? NullLoggerFactory.Instance)),
            dataConverter,
            options.StatusPollingInterval)
    {
        _ownedService = (AzureStorageOrchestrationService)_client;
    }

    /// <summary>Not supported: durable entities are not part of Dealix's move to Microsoft's engine yet.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override DurableEntityClient Entities => throw new NotSupportedException(
        "Durable entities are not supported by the Durable Task Framework client of the local host; " +
        "the worker runs orchestrations and activities only.");

    /// <inheritdoc/>
    /// <remarks>
    /// As in the official clients, an instance id that is pending, running or suspended is terminated first (and
    /// awaited) unless <see cref="StartOrchestrationOptions.DedupeStatuses"/> forbids reusing it, in which case
    /// <see cref="OrchestrationAlreadyExistsException"/> is thrown. <see cref="StartOrchestrationOptions.StartAt"/>
    /// delays the start (the instance stays pending), and tags are stored with the instance.
    /// </remarks>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        string instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        CoreOrchestrationStatus[]? dedupeStatuses = ParseDedupeStatuses(options?.DedupeStatuses);
        await TerminateReusableInstanceAsync(instanceId, dedupeStatuses, existing: null, cancellation);

        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        var started = new ExecutionStartedEvent(-1, _dataConverter.Serialize(input))
        {
            Name = orchestratorName.Name,
            Version = options?.Version?.Version ?? string.Empty,
            OrchestrationInstance = instance,
            ScheduledStartTime = options?.StartAt?.UtcDateTime,
            Tags = options?.Tags?.ToDictionary(tag => tag.Key, tag => tag.Value, StringComparer.Ordinal),
        };
        await _client.CreateTaskOrchestrationAsync(new TaskMessage { OrchestrationInstance = instance, Event = started }, dedupeStatuses);
        return instanceId;
    }

    /// <inheritdoc/>
    public override Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return SendAsync(instanceId, new EventRaisedEvent(-1, _dataConverter.Serialize(eventPayload)) { Name = eventName }, cancellation);
    }

    /// <inheritdoc/>
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason), cancellation);

    /// <inheritdoc/>
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason), cancellation);

    /// <inheritdoc/>
    /// <remarks>
    /// The terminated instance's output is <see cref="TerminateInstanceOptions.Output"/>, serialized. Recursive
    /// termination of sub-orchestrations is not supported.
    /// </remarks>
    public override Task TerminateInstanceAsync(
        string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (options?.Recursive == true)
        {
            throw new NotSupportedException(
                "Recursive termination is not supported by the Durable Task Framework client; terminate each sub-orchestration by its id.");
        }

        cancellation.ThrowIfCancellationRequested();
        return _client.ForceTerminateTaskOrchestrationAsync(instanceId, _dataConverter.Serialize(options?.Output));
    }

    /// <inheritdoc/>
    /// <remarks>
    /// With <paramref name="restartWithNewInstanceId"/> false a pending, running or suspended instance is terminated
    /// and awaited first. The new run gets the original name, version and serialized input.
    /// </remarks>
    public override async Task<string> RestartAsync(
        string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        CoreOrchestrationState state = await GetCoreStateAsync(instanceId, fetchInput: true, cancellation)
            ?? throw new ArgumentException($"An orchestration with the instanceId {instanceId} was not found.", nameof(instanceId));

        if (!restartWithNewInstanceId)
        {
            await TerminateReusableInstanceAsync(instanceId, dedupeStatuses: null, existing: state, cancellation);
        }

        string newInstanceId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId;
        var instance = new OrchestrationInstance { InstanceId = newInstanceId, ExecutionId = Guid.NewGuid().ToString("N") };

        // The stored input is already serialized: passed on as it is, not serialized a second time.
        var started = new ExecutionStartedEvent(-1, state.Input)
        {
            Name = state.Name,
            Version = state.Version ?? string.Empty,
            OrchestrationInstance = instance,
            Tags = state.Tags is null ? null : new Dictionary<string, string>(state.Tags, StringComparer.Ordinal),
        };
        await _client.CreateTaskOrchestrationAsync(new TaskMessage { OrchestrationInstance = instance, Event = started }, dedupeStatuses: null);
        return newInstanceId;
    }

    /// <inheritdoc/>
    /// <remarks>Disposes the engine connection only when this client created it.</remarks>
    public override ValueTask DisposeAsync()
    {
        _ownedService?.Dispose();
        return default;
    }

    private Task SendAsync(string instanceId, HistoryEvent historyEvent, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        return _client.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = historyEvent,
        });
    }

    private static CoreOrchestrationStatus[]? ParseDedupeStatuses(IReadOnlyList<string>? statuses)
    {
        if (statuses is null || statuses.Count == 0)
        {
            return null;
        }

        return statuses.Select(name => Enum.TryParse(name, ignoreCase: true, out OrchestrationRuntimeStatus status)
                ? status.ToCoreStatus()
                : throw new ArgumentException($"Invalid orchestration runtime status '{name}' for deduplication.", nameof(statuses)))
            .ToArray();
    }

    /// <summary>
    /// Makes room for a new run under an id whose current run is still active, as the official clients do: the
    /// active run is terminated and awaited, unless the dedupe statuses say an active run must not be replaced.
    /// </summary>
    private async Task TerminateReusableInstanceAsync(
        string instanceId, CoreOrchestrationStatus[]? dedupeStatuses, CoreOrchestrationState? existing, CancellationToken cancellation)
    {
        IReadOnlyList<CoreOrchestrationStatus> running = CoreConversions.Running;
        bool someRunningStatusReusable = dedupeStatuses is null || running.Any(status => !dedupeStatuses.Contains(status));
        if (!someRunningStatusReusable)
        {
            return; // the engine's own dedupe check rejects an active run
        }

        if (dedupeStatuses is not null && dedupeStatuses.Contains(CoreOrchestrationStatus.Terminated))
        {
            throw new ArgumentException(
                "Invalid dedupe statuses: 'Terminated' cannot be combined with reusing a running instance, because the " +
                "running instance would be terminated and then conflict with the dedupe check.", nameof(dedupeStatuses));
        }

        existing ??= await GetCoreStateAsync(instanceId, fetchInput: false, cancellation);
        if (existing is null)
        {
            return;
        }

        if (dedupeStatuses?.Contains(existing.OrchestrationStatus) == true)
        {
            throw new OrchestrationAlreadyExistsException(
                $"An orchestration with instance ID '{instanceId}' and status '{existing.OrchestrationStatus}' already exists.");
        }

        if (running.Contains(existing.OrchestrationStatus))
        {
            cancellation.ThrowIfCancellationRequested();
            string reason = string.Create(CultureInfo.InvariantCulture,
                $"A new run of instance {instanceId} was requested while it was {existing.OrchestrationStatus}; the old run was terminated.");
            await _client.ForceTerminateTaskOrchestrationAsync(instanceId, _dataConverter.Serialize(reason));
            await WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: false, cancellation);
        }
    }
}
