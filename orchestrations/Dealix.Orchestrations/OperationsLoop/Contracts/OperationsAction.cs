namespace Dealix.Orchestrations.OperationsLoop.Contracts;

/// <summary>
/// One action the operations checks call for: its check, its ledger action name (<c>ops_…</c>), what the guard sees
/// (<c>alert_operator</c> or <c>create_task</c>, §17.5), the entity it concerns, why, and either a founder alert, a human
/// task (with, for the uptime check, the post-mortem it links to) or both.
/// </summary>
public sealed record OperationsAction(string Check, string Action, string GuardAction, string Target, string Reason,
    OpsTaskSpec? Task = null, OpsAlertSpec? Alert = null, bool PostMortem = false);

/// <summary>A human task to create: id fixed per tenant, day and subject, so a re-run finds it.</summary>
public sealed record OpsTaskSpec(string TaskId, string Area, string Kind, string Title, string OwnerRole, int DueBusinessDays, string? SubjectId,
    string? InstanceId, IReadOnlyDictionary<string, string> Details);

/// <summary>An operator alert to send through <c>SendOperatorAlert</c>, once per idempotency key.</summary>
public sealed record OpsAlertSpec(string Kind, string Severity, string Title, string Body, string IdempotencyKey, string OwnerRole, string? Link);

/// <summary>The day's check results and the actions they call for, in check order.</summary>
public sealed record OperationsPlan(IReadOnlyList<OperationsCheck> Checks, IReadOnlyList<OperationsAction> Actions);
