#pragma warning disable CS0618 // The SDK marks ContinuedAsNew obsolete as a client-visible status; the engine still names an episode that continued as new with it.
using Dealix.Runtime.Backend;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Worker;

/// <summary>
/// Replays an instance's history through its orchestrator code and then applies the new events, producing the
/// episode's outcome. Pure with respect to storage: it reads events and returns decisions.
/// </summary>
internal static class OrchestrationExecutor
{
    /// <summary>Runs one episode.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="orchestrator">The orchestrator code, or null when the name is not registered.</param>
    /// <param name="past">History already recorded for the current execution (starts with ExecutionStarted when non-empty).</param>
    /// <param name="newEvents">Events to apply now (OrchestratorStarted first).</param>
    /// <param name="converter">Payload converter.</param>
    /// <param name="loggerFactory">For the replay-safe logger.</param>
    public static EpisodeOutcome Execute(
        string instanceId,
        ITaskOrchestrator? orchestrator,
        IReadOnlyList<HistoryEvent> past,
        IReadOnlyList<HistoryEvent> newEvents,
        DataConverter converter,
        ILoggerFactory loggerFactory)
    {
        var run = new Run(instanceId, orchestrator, converter, loggerFactory);
        SynchronizationContext? previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(run.Scheduler);
        try
        {
            run.Context.Replaying = true;
            foreach (HistoryEvent e in past)
            {
                run.Apply(e, isNew: false);
                if (run.Context.NonDeterminism is not null)
                {
                    break;
                }
            }

            run.Context.Replaying = false;
            var applied = new List<HistoryEvent>(newEvents.Count);
            var leftOver = new List<EventRaisedEvent>();
            foreach (HistoryEvent e in newEvents)
            {
                if (run.IsFinished)
                {
                    if (e is EventRaisedEvent raised)
                    {
                        leftOver.Add(raised);
                    }

                    continue;
                }

                applied.Add(e);
                run.Apply(e, isNew: true);
            }

            return run.Outcome(applied, leftOver);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private sealed class Run(string instanceId, ITaskOrchestrator? orchestrator, DataConverter converter, ILoggerFactory loggerFactory)
    {
        private readonly Queue<HistoryEvent> _heldWhileSuspended = new();
        private Task<object?>? _code;
        private ExecutionTerminatedEvent? _terminated;
        private TaskFailureDetails? _startFailure;
        private bool _suspended;

        public ReplaySynchronizationContext Scheduler { get; } = new();

        public ReplayOrchestrationContext Context { get; } = new(instanceId, converter, loggerFactory);

        public bool IsFinished =>
            _terminated is not null || _startFailure is not null || Context.NonDeterminism is not null || _code is { IsCompleted: true };

        public void Apply(HistoryEvent e, bool isNew)
        {
            switch (e)
            {
                case OrchestratorStartedEvent:
                    Context.CurrentTime = e.Timestamp;
                    return;
                case OrchestratorCompletedEvent or ExecutionCompletedEvent:
                    return;
                case TaskScheduledEvent or TimerCreatedEvent or SubOrchestrationInstanceCreatedEvent or EventSentEvent:
                    Context.MatchRecordedAction(e);
                    return;
                case ExecutionTerminatedEvent terminated:
                    _terminated = terminated;
                    return;
                case ExecutionSuspendedEvent:
                    _suspended = true;
                    return;
                case ExecutionResumedEvent:
                    _suspended = false;
                    while (_heldWhileSuspended.Count > 0 && !IsFinished)
                    {
                        Deliver(_heldWhileSuspended.Dequeue());
                    }

                    return;
                case ExecutionStartedEvent started:
                    Start(started);
                    return;
                default:
                    if (_suspended)
                    {
                        _heldWhileSuspended.Enqueue(e);
                        return;
                    }

                    Deliver(e);
                    return;
            }
        }

        public EpisodeOutcome Outcome(IReadOnlyList<HistoryEvent> applied, IReadOnlyList<EventRaisedEvent> leftOver)
        {
            ReplayOrchestrationContext c = Context;
            OrchestratorAction[] newActions = [.. c.NewActions];
            var outcome = new Builder(c, applied, newActions);

            if (c.NonDeterminism is { } nondeterminism)
            {
                return outcome.Ended(OrchestrationRuntimeStatus.Failed, failure: TaskFailureDetails.FromException(nondeterminism), keepActions: false);
            }

            if (_startFailure is not null)
            {
                return outcome.Ended(OrchestrationRuntimeStatus.Failed, failure: _startFailure, keepActions: false);
            }

            if (_terminated is not null)
            {
                return outcome.Ended(OrchestrationRuntimeStatus.Terminated, output: _terminated.Input, keepActions: false);
            }

            if (_code is { IsCompleted: false } && !c.HasPendingDurableWork && _heldWhileSuspended.Count == 0)
            {
                // Nothing durable can ever resume this code: it awaits Task.Run, Task.Delay, I/O or a foreign thread.
                return outcome.Ended(
                    OrchestrationRuntimeStatus.Failed,
                    failure: new TaskFailureDetails(
                        "Dealix.DurableTask.NonDurableAwait",
                        $"Orchestrator '{c.OrchestratorName}' awaits a task that is not durable (Task.Run, Task.Delay, I/O, ConfigureAwait(false) or another thread). " +
                        "Orchestrators may only await context operations; move the work into an activity.", null, null, null),
                    keepActions: false);
            }

            if (_code is null || !_code.IsCompleted)
            {
                return outcome.Running(_suspended ? OrchestrationRuntimeStatus.Suspended : OrchestrationRuntimeStatus.Running);
            }

            if (_code.IsFaulted || _code.IsCanceled)
            {
                Exception error = _code.Exception?.InnerExceptions is [var single] ? single : (Exception?)_code.Exception ?? new TaskCanceledException("The orchestrator was cancelled.");
                return outcome.Ended(OrchestrationRuntimeStatus.Failed, failure: TaskFailureDetails.FromException(error), keepActions: true);
            }

            if (c.ContinueAsNewRequested is { } next)
            {
                IReadOnlyList<EventRaisedEvent> carried = next.PreserveUnprocessedEvents ? [.. c.BufferedEvents, .. leftOver] : [];
                return outcome.ContinuedAsNew(next.NewInput, carried);
            }

            string? output;
            try
            {
                output = converter.Serialize(_code.Result);
            }
            catch (Exception ex)
            {
                return outcome.Ended(
                    OrchestrationRuntimeStatus.Failed,
                    failure: new TaskFailureDetails(ex.GetType().FullName!, $"The orchestrator's output cannot be serialized: {ex.Message}", ex.StackTrace, null, null),
                    keepActions: true);
            }

            return outcome.Ended(OrchestrationRuntimeStatus.Completed, output: output, keepActions: true);
        }

        private void Start(ExecutionStartedEvent started)
        {
            Context.Initialize(started);
            if (orchestrator is null)
            {
                _startFailure = new TaskFailureDetails(
                    "Dealix.DurableTask.OrchestratorNotFound", $"No orchestrator named '{started.Name}' is registered with this worker.", null, null, null);
                return;
            }

            object? input;
            try
            {
                input = converter.Deserialize(started.Input, orchestrator.InputType);
            }
            catch (Exception ex)
            {
                _startFailure = new TaskFailureDetails(
                    ex.GetType().FullName!, $"The input of '{started.Name}' cannot be read as {orchestrator.InputType.Name}: {ex.Message}", null, null, null);
                return;
            }

            try
            {
                _code = orchestrator.RunAsync(Context, input);
            }
            catch (Exception ex)
            {
                _code = Task.FromException<object?>(ex);
            }

            Scheduler.Drain();
        }

        private void Deliver(HistoryEvent e)
        {
            if (IsFinished && e is not EventRaisedEvent)
            {
                return;
            }

            switch (e)
            {
                case EventRaisedEvent raised:
                    Context.ApplyEventRaised(raised);
                    break;
                case TaskCompletedEvent or TaskFailedEvent or SubOrchestrationInstanceCompletedEvent or SubOrchestrationInstanceFailedEvent or TimerFiredEvent:
                    Context.ApplyCompletion(e);
                    break;
                default:
                    // Unknown kinds are not produced by this engine; backends quarantine undeserializable rows.
                    return;
            }

            Scheduler.Drain();
        }
    }

    private sealed class Builder(ReplayOrchestrationContext context, IReadOnlyList<HistoryEvent> applied, IReadOnlyList<OrchestratorAction> newActions)
    {
        public EpisodeOutcome Running(OrchestrationRuntimeStatus status) => Make(status, null, null, newActions);

        public EpisodeOutcome Ended(OrchestrationRuntimeStatus status, string? output = null, TaskFailureDetails? failure = null, bool keepActions = true) =>
            Make(status, output, failure, keepActions ? [.. newActions.Where(a => a is not CreateTimerAction)] : []);

        public EpisodeOutcome ContinuedAsNew(string? input, IReadOnlyList<EventRaisedEvent> carried) => new()
        {
            Status = OrchestrationRuntimeStatus.ContinuedAsNew,
            AppliedEvents = applied,
            NewActions = [.. newActions.Where(a => a is not CreateTimerAction)],
            CustomStatusSet = context.CustomStatusSet,
            CustomStatus = context.SerializedCustomStatus,
            ContinueAsNewInput = input,
            CarriedEvents = carried,
            ExecutionId = context.ExecutionId,
            OrchestratorName = context.OrchestratorName,
            Parent = context.ParentInfo,
        };

        private EpisodeOutcome Make(OrchestrationRuntimeStatus status, string? output, TaskFailureDetails? failure, IReadOnlyList<OrchestratorAction> actions) => new()
        {
            Status = status,
            Output = output,
            FailureDetails = failure,
            AppliedEvents = applied,
            NewActions = actions,
            CustomStatusSet = context.CustomStatusSet,
            CustomStatus = context.SerializedCustomStatus,
            ExecutionId = context.ExecutionId,
            OrchestratorName = context.OrchestratorName,
            Parent = context.ParentInfo,
        };
    }
}
