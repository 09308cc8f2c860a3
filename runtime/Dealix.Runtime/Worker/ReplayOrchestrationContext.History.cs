using Dealix.Runtime.Backend;

namespace Dealix.Runtime.Worker;

/// <summary>How history events are applied to the context.</summary>
internal sealed partial class ReplayOrchestrationContext
{
    /// <summary>Actions the code produced that the history does not hold yet, in order.</summary>
    internal IEnumerable<OrchestratorAction> NewActions => _actions.Values.Where(a => !a.Recorded);

    /// <summary>True while the code waits on something durable (an activity, timer, sub-orchestration or event).</summary>
    internal bool HasPendingDurableWork => _openTasks.Count > 0 || _waiters.Values.Any(w => w.Count > 0);

    /// <summary>Checks a recorded action event against what the code did at that step.</summary>
    internal void MatchRecordedAction(HistoryEvent recorded)
    {
        if (NonDeterminism is not null)
        {
            return;
        }

        string historyAction = OrchestratorAction.DescribeRecorded(recorded);
        if (!_actions.TryGetValue(recorded.EventId, out OrchestratorAction? action))
        {
            NonDeterminism = new NonDeterministicOrchestrationException(
                recorded.EventId, "scheduled nothing", historyAction, OrchestratorName, InstanceId);
            return;
        }

        if (!action.Matches(recorded))
        {
            NonDeterminism = new NonDeterministicOrchestrationException(
                recorded.EventId, action.Describe(), historyAction, OrchestratorName, InstanceId);
            return;
        }

        action.Recorded = true;
    }

    /// <summary>Completes the code's task for a completion event; ignores completions nobody awaits any more.</summary>
    internal void ApplyCompletion(HistoryEvent completion)
    {
        (int id, string? result, TaskFailureDetails? failure) = completion switch
        {
            TaskCompletedEvent e => (e.TaskScheduledId, e.Result, (TaskFailureDetails?)null),
            TaskFailedEvent e => (e.TaskScheduledId, null, e.FailureDetails),
            SubOrchestrationInstanceCompletedEvent e => (e.TaskScheduledId, e.Result, null),
            SubOrchestrationInstanceFailedEvent e => (e.TaskScheduledId, null, e.FailureDetails),
            TimerFiredEvent e => (e.TimerId, null, null),
            _ => throw new ArgumentException($"{completion.GetType().Name} is not a completion event.", nameof(completion)),
        };

        if (!_openTasks.Remove(id, out OpenTask? open))
        {
            return;
        }

        if (failure is null)
        {
            open.Completion.TrySetResult(result);
        }
        else
        {
            open.Completion.TrySetException(CoreFailures.TaskFailed(open.Name, id, failure, completion is SubOrchestrationInstanceFailedEvent));
        }
    }

    /// <summary>Hands an external event to the first waiter for its name, or buffers it.</summary>
    internal void ApplyEventRaised(EventRaisedEvent raised)
    {
        if (_waiters.TryGetValue(raised.Name, out LinkedList<EventWaiter>? waiters) && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value.Completion.TrySetResult(raised.Input);
            return;
        }

        _bufferedEvents.Add(raised);
    }
}
