namespace Dealix.Orchestrations.OperationsLoop.Contracts;

/// <summary>
/// Input of <see cref="Activities.RecordOperationsAction"/>: one ledger line of the operations loop (§17.7): the action
/// (<c>ops_…</c>, or <c>red_line_refused</c>), its target, reason and outcome, under a key fixed per tenant, day and
/// action, so the run on request and the timed run of a day write it once.
/// </summary>
// WARNING: persisted in history.
public sealed record OpsAuditInput(string Tenant, string CorrelationId, string IdempotencyKey, string Action, string Target, string Reason, string Outcome,
    bool AutoApproved);
