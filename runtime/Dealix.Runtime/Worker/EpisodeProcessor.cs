#pragma warning disable CS0618 // The SDK marks ContinuedAsNew obsolete as a client-visible status; the engine still names an episode that continued as new with it.
using Dealix.Runtime.Backend;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Worker;

/// <summary>
/// Turns one locked work item into one atomic commit: decides which messages belong to the current execution,
/// replays the history, runs the new events through the orchestrator and maps its decisions to history rows and
/// outbound messages. Message ids are derived from the instance, execution and task id, so an episode that is
/// run twice (after a lost lock or a crash) produces the same ids and receivers can drop the duplicates.
/// </summary>
internal sealed class EpisodeProcessor(
    TaskCatalog registry,
    IServiceProvider services,
    DataConverter converter,
    ILoggerFactory loggerFactory,
    TimeProvider time)
{
    private static readonly Guid ExecutionNamespace = new("3b8cbb62-3f0f-4a55-a0c4-6a0f3d1c2e71");
    private readonly ILogger _log = loggerFactory.CreateLogger("Dealix.Runtime.Worker");

    /// <summary>Runs one episode without running activities in process.</summary>
    public OrchestrationCommit Process(OrchestrationWorkItem item) => ProcessAsync(item, null).GetAwaiter().GetResult();

    /// <summary>
    /// Runs one episode. With <paramref name="inline"/>, activities the episode schedules that this worker can run are
    /// run in process and their results fed back as further rounds before anything is committed, so a chain of
    /// activities costs one commit instead of a queue round trip per step. Each round is recorded in history exactly
    /// as a separate episode would be (OrchestratorStarted … OrchestratorCompleted), so replay cannot tell the
    /// difference. A crash before the commit re-runs the rounds, with the same task ids and idempotency keys.
    /// </summary>
    public async Task<OrchestrationCommit> ProcessAsync(OrchestrationWorkItem item, InlineActivities? inline)
    {
        DateTime now = time.GetUtcNow().UtcDateTime;
        InstanceState? state = item.State;
        IReadOnlyList<HistoryEvent> history = item.History;
        ExecutionStartedEvent? recordedStart = StartOf(history);
        string? historyExecution = recordedStart?.ExecutionId;
        bool historyIsCurrent = state is not null && historyExecution == state.ExecutionId;
        var outbound = new List<OrchestrationMessage>();

        // 1. Is this episode the start of an execution?
        ExecutionStartedEvent? start = null;
        IReadOnlyList<EventRaisedEvent> carried = [];
        foreach (OrchestrationMessage message in item.NewMessages)
        {
            if (message.Event is not ExecutionStartedEvent candidate)
            {
                continue;
            }

            // An ended instance may be started again under a new execution, but the start of the very execution
            // that ended (terminated before its StartAt fell due) must not bring it back.
            bool acceptable = start is null && (
                state is null
                || (!historyIsCurrent && candidate.ExecutionId == state.ExecutionId && !state.Status.IsTerminal())
                || (state.Status.IsTerminal() && candidate.ExecutionId != state.ExecutionId));
            if (acceptable)
            {
                start = candidate with { Timestamp = candidate.Timestamp == default ? now : candidate.Timestamp, CarriedEvents = null };
                carried = candidate.CarriedEvents ?? [];
            }
            else if (state is null || candidate.ExecutionId != state.ExecutionId)
            {
                // Someone asked to start an id that is busy. A parent waiting on it must hear so, not hang.
                RejectStart(item.InstanceId, candidate, state, outbound);
            }
        }

        // A terminate that comes with the start of the very execution it was sent to, which has not run yet (both
        // fell due while no worker was running, or the terminate was still queued when the StartAt passed), wins: the
        // instance ends Terminated without its code ever running, as it would had the terminate come first.
        if (start is not null && state is not null && !historyIsCurrent && start.ExecutionId == state.ExecutionId
            && item.NewMessages.Any(m => m.Event is ExecutionTerminatedEvent))
        {
            return NotStartedYet(item, state, now, outbound);
        }

        if (start is null && (state is null || state.Status.IsTerminal()))
        {
            // Nothing to run: the instance does not exist or has ended. The messages are consumed and dropped.
            return Unchanged(item, state, outbound);
        }

        if (start is null && !historyIsCurrent)
        {
            return NotStartedYet(item, state!, now, outbound);
        }

        string executionId = start?.ExecutionId ?? state!.ExecutionId;
        IReadOnlyList<HistoryEvent> past = start is null ? history : [];
        List<HistoryEvent> newEvents = SelectNewEvents(item, start, carried, executionId, past, now);
        if (start is null && newEvents.Count == 1)
        {
            return Unchanged(item, state, outbound);
        }

        string orchestratorName = start?.Name ?? recordedStart!.Name;
        ITaskOrchestrator? orchestrator = CreateOrchestrator(orchestratorName, item.InstanceId);
        EpisodeOutcome outcome = OrchestrationExecutor.Execute(item.InstanceId, orchestrator, past, newEvents, converter, loggerFactory);
        var activities = new List<ActivityMessage>();
        var rounds = new List<HistoryEvent>();
        for (int round = 0; inline is not null && round < inline.MaxRounds && outcome.Status == OrchestrationRuntimeStatus.Running; round++)
        {
            ScheduleTaskAction[] local = [.. outcome.NewActions.OfType<ScheduleTaskAction>().Where(a => registry.HasActivity(a.Name))];
            if (local.Length == 0 || local.Length > inline.MaxActivitiesPerRound)
            {
                break;
            }

            var inlined = local.Select(a => a.Id).ToHashSet();
            rounds.AddRange(RecordRound(item.InstanceId, outcome, now, outbound, activities, inlined));
            HistoryEvent[] results = await Task.WhenAll(local.Select(a => inline.Run(ToActivityMessage(item.InstanceId, outcome.ExecutionId, a))));
            now = time.GetUtcNow().UtcDateTime;
            orchestrator = CreateOrchestrator(orchestratorName, item.InstanceId);
            outcome = OrchestrationExecutor.Execute(
                item.InstanceId, orchestrator, [.. past, .. rounds], [new OrchestratorStartedEvent { Timestamp = now }, .. results], converter, loggerFactory);
        }

        return BuildCommit(item, state, start, outcome, now, outbound, activities, rounds);
    }

    /// <summary>The deterministic execution id of a sub-orchestration started at a given step.</summary>
    internal static string ChildExecutionId(string parentInstanceId, string parentExecutionId, int taskId) =>
        ReplayOrchestrationContext.NameBasedGuid(ExecutionNamespace, $"{parentInstanceId}|{parentExecutionId}|{taskId}").ToString("N");

    /// <summary>The ExecutionStarted event of a history (it follows the first OrchestratorStarted).</summary>
    internal static ExecutionStartedEvent? StartOf(IReadOnlyList<HistoryEvent> history)
    {
        for (int i = 0; i < history.Count && i < 4; i++)
        {
            if (history[i] is ExecutionStartedEvent started)
            {
                return started;
            }
        }

        return null;
    }

    private static List<HistoryEvent> SelectNewEvents(
        OrchestrationWorkItem item, ExecutionStartedEvent? start, IReadOnlyList<EventRaisedEvent> carried, string executionId,
        IReadOnlyList<HistoryEvent> past, DateTime now)
    {
        var completed = new HashSet<int>();
        foreach (HistoryEvent e in past)
        {
            if (CompletionId(e) is int id)
            {
                completed.Add(id);
            }
        }

        var events = new List<HistoryEvent> { new OrchestratorStartedEvent { Timestamp = now } };
        if (start is not null)
        {
            events.Add(start);

            // Carried events were raised before anything in this batch that was not taken by the last generation.
            events.AddRange(carried.Select(e => e.Timestamp == default ? e with { Timestamp = now } : e));
        }

        foreach (OrchestrationMessage message in item.NewMessages)
        {
            if (message.Event is ExecutionStartedEvent)
            {
                continue;
            }

            if (message.ExecutionId is not null && message.ExecutionId != executionId && message.Event is not EventRaisedEvent)
            {
                continue; // a reply to an earlier execution (before a continue-as-new or restart)
            }

            // An external event belongs to the instance, not to an execution: one carried into a generation that has
            // itself continued as new before the event was delivered goes to the generation running now.

            if (CompletionId(message.Event) is int id && !completed.Add(id))
            {
                continue; // a duplicate delivery
            }

            if (message.Event is TimerFiredEvent fired)
            {
                DurableTaskDiagnostics.TimerLateness.Record(Math.Max(0, (now - fired.FireAt).TotalMilliseconds));
            }

            events.Add(message.Event.Timestamp == default ? message.Event with { Timestamp = now } : message.Event);
        }

        return events;
    }

    private static int? CompletionId(HistoryEvent e) => e switch
    {
        TaskCompletedEvent c => c.TaskScheduledId,
        TaskFailedEvent f => f.TaskScheduledId,
        SubOrchestrationInstanceCompletedEvent c => c.TaskScheduledId,
        SubOrchestrationInstanceFailedEvent f => f.TaskScheduledId,
        TimerFiredEvent t => t.TimerId,
        _ => null,
    };

    private static OrchestrationCommit Unchanged(OrchestrationWorkItem item, InstanceState? state, List<OrchestrationMessage> outbound) =>
        state is null
            ? throw new InvalidOperationException(
                $"The backend handed out a work item for unknown instance '{item.InstanceId}' without a start message; backends must drop such messages.")
            : new OrchestrationCommit(state, [], false, [], outbound);

    private static OrchestrationCommit NotStartedYet(OrchestrationWorkItem item, InstanceState state, DateTime now, List<OrchestrationMessage> outbound)
    {
        if (item.NewMessages.FirstOrDefault(m => m.Event is ExecutionTerminatedEvent) is { Event: ExecutionTerminatedEvent terminated })
        {
            InstanceState ended = state with
            {
                Status = OrchestrationRuntimeStatus.Terminated,
                Output = terminated.Input,
                LastUpdatedAt = now,
                CompletedAt = now,
            };
            return new OrchestrationCommit(ended, [], true, [], outbound);
        }

        // A delayed start has not arrived yet: hold the messages until it has.
        DateTime retryAt = state.ScheduledStartTime is { } due && due > now ? due : now.AddSeconds(1);
        foreach (OrchestrationMessage message in item.NewMessages)
        {
            outbound.Add(message with { VisibleAt = retryAt });
        }

        return new OrchestrationCommit(state, [], false, [], outbound);
    }

    private void RejectStart(string instanceId, ExecutionStartedEvent candidate, InstanceState? state, List<OrchestrationMessage> outbound)
    {
        Log.StartRejected(_log, instanceId, state?.Status.ToString() ?? "unknown");
        if (candidate.Parent is { } parent)
        {
            var failure = new TaskFailureDetails(
                typeof(DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException).FullName!,
                $"Sub-orchestration '{candidate.Name}' could not start: instance '{instanceId}' already exists and is {state?.Status}.", null, null, null);
            outbound.Add(new OrchestrationMessage(
                $"{instanceId}|{candidate.ExecutionId}|rejected",
                parent.InstanceId,
                parent.ExecutionId,
                new SubOrchestrationInstanceFailedEvent(parent.TaskScheduledId, failure)));
        }
    }

    private ITaskOrchestrator? CreateOrchestrator(string name, string instanceId)
    {
        try
        {
            return registry.CreateOrchestrator(name, services);
        }
        catch (Exception ex)
        {
            Log.OrchestratorCreationFailed(_log, ex, name, instanceId);
            return new FailingOrchestrator(ex);
        }
    }

    private static ActivityMessage ToActivityMessage(string instanceId, string execution, ScheduleTaskAction task) =>
        new($"{instanceId}|{execution}|{task.Id}", instanceId, execution, task.Id, task.Name, task.Input, task.Attempt, $"{instanceId}:{execution}:{task.FirstAttemptId}")
        {
            TraceParent = System.Diagnostics.Activity.Current?.Id,
        };

    /// <summary>
    /// The history of one round (its applied events, its actions, OrchestratorCompleted) and the messages its actions
    /// send; activities in <paramref name="inlined"/> run in process and send nothing.
    /// </summary>
    private static List<HistoryEvent> RecordRound(
        string instanceId, EpisodeOutcome outcome, DateTime now, List<OrchestrationMessage> outbound, List<ActivityMessage> activities, HashSet<int> inlined)
    {
        string execution = outcome.ExecutionId;
        var appended = new List<HistoryEvent>(outcome.AppliedEvents);
        foreach (OrchestratorAction action in outcome.NewActions)
        {
            appended.Add(action.ToHistoryEvent(now));
            string messageId = $"{instanceId}|{execution}|{action.Id}";
            switch (action)
            {
                case ScheduleTaskAction task when !inlined.Contains(task.Id):
                    activities.Add(ToActivityMessage(instanceId, execution, task));
                    break;
                case CreateTimerAction timer:
                    outbound.Add(new OrchestrationMessage(messageId, instanceId, execution, new TimerFiredEvent(timer.Id, timer.FireAt) { Timestamp = timer.FireAt })
                    {
                        VisibleAt = timer.FireAt,
                    });
                    break;
                case CreateSubOrchestrationAction sub:
                    string childExecution = ChildExecutionId(instanceId, execution, sub.Id);
                    outbound.Add(new OrchestrationMessage(messageId, sub.InstanceId, childExecution, new ExecutionStartedEvent(
                        sub.Name, sub.Input, childExecution, new ParentInstanceInfo(outcome.OrchestratorName, instanceId, execution, sub.Id))
                    {
                        Timestamp = now,
                        TraceParent = System.Diagnostics.Activity.Current?.Id,
                    }));
                    break;
                case SendEventAction send:
                    outbound.Add(new OrchestrationMessage(messageId, send.TargetInstanceId, null, new EventRaisedEvent(send.Name, send.Input) { Timestamp = now, TraceParent = System.Diagnostics.Activity.Current?.Id }));
                    break;
            }
        }

        appended.Add(new OrchestratorCompletedEvent { Timestamp = now });
        return appended;
    }

    private static OrchestrationCommit BuildCommit(
        OrchestrationWorkItem item,
        InstanceState? state,
        ExecutionStartedEvent? start,
        EpisodeOutcome outcome,
        DateTime now,
        List<OrchestrationMessage> outbound,
        List<ActivityMessage> activities,
        IReadOnlyList<HistoryEvent> earlierRounds)
    {
        string instanceId = item.InstanceId;
        string execution = outcome.ExecutionId;
        var appended = new List<HistoryEvent>(earlierRounds);
        appended.AddRange(RecordRound(instanceId, outcome, now, outbound, activities, new HashSet<int>()));
        bool terminal = outcome.Status.IsTerminal();
        if (terminal)
        {
            appended.Add(new ExecutionCompletedEvent(outcome.Status, outcome.Output, outcome.FailureDetails) { Timestamp = now });
            if (outcome.Parent is { } parent)
            {
                outbound.Add(NotifyParent(instanceId, execution, outcome, parent));
            }
        }

        var next = new InstanceState
        {
            InstanceId = instanceId,
            Name = outcome.OrchestratorName,
            ExecutionId = execution,
            Status = outcome.Status,
            Input = start?.Input ?? state?.Input,
            Output = terminal ? outcome.Output : null,
            CustomStatus = outcome.CustomStatusSet ? outcome.CustomStatus : state?.CustomStatus,
            FailureDetails = outcome.FailureDetails,
            CreatedAt = state?.CreatedAt is { } created && created != default ? created : now,
            LastUpdatedAt = now,
            CompletedAt = terminal ? now : null,
            Parent = outcome.Parent,
            Tags = start?.Tags ?? state?.Tags,
            ScheduledStartTime = state?.ScheduledStartTime,
        };

        if (outcome.Status == OrchestrationRuntimeStatus.ContinuedAsNew)
        {
            string nextExecution = Guid.NewGuid().ToString("N");
            next = next with { ExecutionId = nextExecution, Status = OrchestrationRuntimeStatus.Running, Input = outcome.ContinueAsNewInput, Output = null };
            outbound.Add(new OrchestrationMessage($"{instanceId}|{nextExecution}|start", instanceId, nextExecution,
                new ExecutionStartedEvent(outcome.OrchestratorName, outcome.ContinueAsNewInput, nextExecution, outcome.Parent,
                    Version: (start ?? StartOf(item.History))?.Version)
                {
                    Timestamp = now,
                    TraceParent = System.Diagnostics.Activity.Current?.Id,
                    CarriedEvents = outcome.CarriedEvents.Count > 0 ? outcome.CarriedEvents : null,
                }));

            return new OrchestrationCommit(next, [], true, activities, outbound);
        }

        return new OrchestrationCommit(next, appended, start is not null, activities, outbound);
    }

    private static OrchestrationMessage NotifyParent(string instanceId, string execution, EpisodeOutcome outcome, ParentInstanceInfo parent)
    {
        HistoryEvent reply = outcome.Status switch
        {
            OrchestrationRuntimeStatus.Completed => new SubOrchestrationInstanceCompletedEvent(parent.TaskScheduledId, outcome.Output),
            OrchestrationRuntimeStatus.Failed => new SubOrchestrationInstanceFailedEvent(parent.TaskScheduledId, outcome.FailureDetails!),
            _ => new SubOrchestrationInstanceFailedEvent(parent.TaskScheduledId, new TaskFailureDetails(
                "Dealix.DurableTask.OrchestrationTerminated",
                $"Sub-orchestration '{outcome.OrchestratorName}' (instance '{instanceId}') was terminated: {outcome.Output}", null, null, null)),
        };
        return new OrchestrationMessage($"{instanceId}|{execution}|done", parent.InstanceId, parent.ExecutionId, reply);
    }

    /// <summary>Stands in for an orchestrator whose construction threw, so the instance fails with the reason.</summary>
    private sealed class FailingOrchestrator(Exception error) : ITaskOrchestrator
    {
        public Type InputType => typeof(object);

        public Type OutputType => typeof(object);

        public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
            Task.FromException<object?>(new InvalidOperationException($"The orchestrator could not be created: {error.Message}", error));
    }
}
