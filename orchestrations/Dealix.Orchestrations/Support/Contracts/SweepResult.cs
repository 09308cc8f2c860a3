namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>What one sweep tick did: how many open tickets / pending drafts it looked at and how many escalation levels
/// it had to record itself (each one a lost or late timer), or that it was skipped (kill switch).</summary>
// WARNING: persisted in history (activity/orchestration output).
public sealed record SweepResult(int Examined, int Escalated, string? Skipped = null);
