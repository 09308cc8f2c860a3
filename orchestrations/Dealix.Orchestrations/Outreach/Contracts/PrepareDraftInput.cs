namespace Dealix.Orchestrations.Outreach.Contracts;

/// <summary>
/// Input of <c>PrepareOutreachDraft</c>: one prospect of a run. <see cref="RunDay"/> (the AST date) names the draft, so
/// a second run on the same day finds the draft instead of writing a second one.
/// </summary>
// WARNING: persisted in history.
public sealed record PrepareDraftInput(string TenantId, string ProspectId, string RunDay, string CorrelationId, string IdempotencyKey);

/// <summary>
/// What happened to one prospect: <c>drafted</c> (pending approval), <c>blocked_by_gate</c> (an operator task after 3
/// generations), <c>already_drafted</c> or <c>skipped</c> (compliance), with the draft and the reasons.
/// </summary>
// WARNING: persisted in history.
public sealed record PreparedDraft(string ProspectId, string Outcome, string? DraftId, string? DealInstanceId, Deals.Contracts.MessageChannel Channel,
    IReadOnlyList<string> Reasons)
{
    /// <summary>Outcome values.</summary>
    public const string Drafted = "drafted";
    public const string BlockedByGate = "blocked_by_gate";
    public const string AlreadyDrafted = "already_drafted";
    public const string Skipped = "skipped";
}
