namespace Dealix.Runtime.Backend;

/// <summary>
/// The result of one episode, committed atomically by the backend: the new instance state, history to append
/// (or to replace the history with, on continue-as-new), and the messages the episode sends. The work item's
/// messages are consumed by the same commit.
/// </summary>
/// <param name="State">The instance state after the episode.</param>
/// <param name="NewHistory">Events to append, in order.</param>
/// <param name="ReplaceHistory">True when <paramref name="NewHistory"/> replaces the stored history (new execution).</param>
/// <param name="ActivityMessages">Activities to run.</param>
/// <param name="OrchestratorMessages">Messages to instances (this one included, e.g. timers), possibly delayed.</param>
public sealed record OrchestrationCommit(
    InstanceState State,
    IReadOnlyList<HistoryEvent> NewHistory,
    bool ReplaceHistory,
    IReadOnlyList<ActivityMessage> ActivityMessages,
    IReadOnlyList<OrchestrationMessage> OrchestratorMessages);
