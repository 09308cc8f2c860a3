namespace Dealix.Orchestrations.Tasks;

/// <summary>What one sweep did: skipped (kill switch), outcomes re-raised, rungs taken.</summary>
public sealed record HumanTaskSweepResult(bool Paused, int Redelivered, int Escalated);
