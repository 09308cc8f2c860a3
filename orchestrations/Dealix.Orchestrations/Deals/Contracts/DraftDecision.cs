namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>
/// An operator's decision on a draft (raised as <see cref="DealEvents.DraftDecided"/>), or the workflow's own ending of
/// it (expired when the SLA ran out, cancelled by an opt-out or a newer message). <see cref="EditedText"/> is set by
/// <c>edit_and_approve</c>.
/// </summary>
// WARNING: persisted in history.
public sealed record DraftDecision(
    string DraftId,
    DraftDecisionKind Decision,
    string Reviewer,
    string? Reason = null,
    string? EditedText = null,
    DateTime? DecidedAt = null,
    string? CorrelationId = null)
{
    /// <summary>True when the draft may be sent.</summary>
    public bool IsApproved => Decision == DraftDecisionKind.Approved;

    /// <summary>The SLA ran out before anyone decided (§4.4): the draft is never sent.</summary>
    public static DraftDecision Expired(string draftId) => new(draftId, DraftDecisionKind.Expired, "automation", "approval_sla_expired");

    /// <summary>The workflow withdrew the draft (opt-out, a newer message, a stage change).</summary>
    public static DraftDecision Cancelled(string draftId, string reason) => new(draftId, DraftDecisionKind.Cancelled, "automation", reason);
}
