namespace Dealix.Orchestrations.Scheduling.Contracts;

/// <summary>
/// Input of <see cref="ScheduledJobOrchestrator"/>: the catalogue's job name, the period it runs for (AST, e.g.
/// <c>20261206</c> or <c>20261206T0915</c>), the per-tenant orchestrator to run, and a batch size where it applies.
/// </summary>
// WARNING: persisted in history.
public sealed record ScheduledJobInput(string Job, string PeriodKey, string TenantOrchestrator, int Limit = 50);

/// <summary>What one scheduled run did: <c>completed</c> or <c>skipped: paused</c>, and per tenant.</summary>
// WARNING: persisted in history (orchestration output).
public sealed record ScheduledJobResult(string Job, string PeriodKey, string Status, IReadOnlyList<string> Tenants, IReadOnlyList<string> FailedTenants);
