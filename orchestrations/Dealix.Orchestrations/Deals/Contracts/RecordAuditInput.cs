namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of the <c>RecordAudit</c> activity: an orchestration-level ledger line (refusals, operator events).
/// The entry id comes from <see cref="IdempotencyKey"/>, which the orchestrator makes for this call, so a retry
/// rewrites the same line.</summary>
// WARNING: persisted in history.
public sealed record RecordAuditInput(
    string TenantId,
    string CorrelationId,
    string Action,
    string ActionClass,
    string Actor,
    string Target,
    string IdempotencyKey,
    string? Reason = null,
    string? Outcome = null,
    string? From = null,
    string? To = null,
    string? ApprovalId = null);
