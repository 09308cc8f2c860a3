namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>What one report run did: <c>stored</c> (and whether the operators were told) or <c>invalid_trigger</c>.</summary>
// WARNING: persisted in history (orchestration output).
public sealed record ReportRunResult(string Status, string? Kind = null, string? Period = null, string? Severity = null, bool Alerted = false);
