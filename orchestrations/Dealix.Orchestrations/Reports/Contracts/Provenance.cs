namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// Where an executive-pack figure comes from (§16.3 Provenance): the store (<c>ledger</c>, <c>drafts</c>, <c>tickets</c>,
/// <c>sla_log</c>, <c>incidents</c>, <c>customer_success</c>, <c>tasks</c>), which rows (<c>{table}/{tenant}</c>), when it
/// was computed and how.
/// </summary>
public sealed record Provenance(string Source, string SourceId, DateTime ComputedAt, string Method);
