namespace Dealix.Orchestrations.Outreach.Contracts;

/// <summary>
/// One tenant's daily pipeline run (§10.7): <c>completed</c> or <c>skipped: paused</c>, how many candidates were
/// considered and selected, the drafts waiting for approval, those blocked by the gate, and the prospects skipped
/// with why. It sends nothing.
/// </summary>
// WARNING: persisted in history (orchestration output).
public sealed record DailyPipelineResult(
    string TenantId,
    string Status,
    int Candidates,
    int Selected,
    IReadOnlyList<string> Drafted,
    IReadOnlyList<string> BlockedByGate,
    IReadOnlyList<SkippedItem> Skipped);

/// <summary>Something left out, and why (a stable code).</summary>
// WARNING: persisted in history.
public sealed record SkippedItem(string Id, string Reason);
