namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// The Proof Pack (§16.1): the customer-facing proof of value of one tenant (the customer) for an ISO week, built on
/// request (<c>POST /api/v1/reports/proof-pack/run</c>; §18 gives it no schedule). Exact figures from the stores; what no
/// store records is <c>not measured</c>. It is stored and announced to the operators; it goes to the customer only
/// after an operator approves it (never sent from here).
/// </summary>
/// <param name="OpportunitiesProduced">First-touch drafts the daily pipeline produced in the period (each a prospect selected and drafted).</param>
/// <param name="NewDeals">Deals whose first ledger line falls in the period.</param>
/// <param name="Drafts">Drafts created, approved, rejected, expired and gate-blocked in the period.</param>
/// <param name="Edited">Approvals in the period that edited the draft (<c>edit_and_approve</c>).</param>
/// <param name="SentByChannel">Messages the provider accepted, per channel.</param>
/// <param name="RepliesByCategory">Inbound replies classified in the period, per category.</param>
/// <param name="MeetingsBooked">Deals moved to <c>meeting_booked</c> in the period.</param>
/// <param name="StageMovements">Applied stage transitions, <c>from→to</c>.</param>
/// <param name="PipelineValueSar">Always <c>not measured</c>: deal values are not stored.</param>
/// <param name="ComplianceBlocks">Drafts blocked by compliance or the content gate (safety evidence).</param>
/// <param name="ApprovalRecord">The approval record summary.</param>
/// <param name="NextPeriodPlan">What the next period holds, from the stores (pending approvals, due follow-ups, booked meetings).</param>
/// <param name="WhatsAppSummary">The ≤ 700-character summary for WhatsApp (Arabic), for the operator to approve and send.</param>
/// <param name="NotMeasured">The §16.1 figures no store records, with why.</param>
public sealed record ProofPack(
    int OpportunitiesProduced,
    int NewDeals,
    DraftCounts Drafts,
    int Edited,
    IReadOnlyDictionary<string, int> SentByChannel,
    IReadOnlyDictionary<string, int> RepliesByCategory,
    int MeetingsBooked,
    IReadOnlyDictionary<string, int> StageMovements,
    string PipelineValueSar,
    int ComplianceBlocks,
    ApprovalRecord ApprovalRecord,
    IReadOnlyList<ReportItem> NextPeriodPlan,
    string WhatsAppSummary,
    IReadOnlyList<NotMeasured> NotMeasured);

/// <summary>The approval record of a period: decisions by outcome, auto-approved sends, rejection reason codes, and the queue now.</summary>
public sealed record ApprovalRecord(int Decided, int Approved, int Edited, int Rejected, int AutoApproved, IReadOnlyDictionary<string, int> RejectionReasons, int PendingNow);
