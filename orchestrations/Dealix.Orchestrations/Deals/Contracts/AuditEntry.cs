namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>
/// One line of the append-only audit ledger (§4.8 Action Ledger, §17.7 audit log): what happened, to what, by whom,
/// under which correlation id. <see cref="EntryId"/> is derived from the writer's idempotency key so a retried
/// activity rewrites the same line instead of adding a second one. Never holds message bodies, numbers or addresses.
/// </summary>
/// <remarks>
/// <para><c>Action</c>: e.g. <c>classify</c>, <c>stage_transition</c>, <c>draft_created</c>, <c>draft_decided</c>,
/// <c>send</c>, <c>opt_out</c>, <c>missing_correlation_id</c>, <c>callback_refused</c>.</para>
/// <para><c>ActionClass</c>: <c>A</c> (internal) or <c>B</c> (external or sensitive), §4.1.</para>
/// <para><c>Actor</c>: <c>automation</c>, <c>operator</c>, <c>founder</c> or an operator id.</para>
/// <para><c>Target</c>: The deal instance, draft or contact id the action concerns.</para>
/// <para><c>RevertsAuditId</c>: on a <c>revert</c> line (§17.7), the entry it reverts; readers show that one as reverted.</para>
/// </remarks>
// WARNING: persisted in storage; field names are the ledger's columns.
public sealed record AuditEntry(
    string EntryId,
    string TenantId,
    string CorrelationId,
    string Action,
    string ActionClass,
    string Actor,
    string Target,
    DateTime At,
    string? Channel = null,
    string? From = null,
    string? To = null,
    string? Reason = null,
    string? ApprovalId = null,
    bool AutoApproved = false,
    string? Outcome = null,
    string? RevertsAuditId = null);
