namespace Dealix.Orchestrations.OperationsLoop.Contracts;

/// <summary>
/// What one tenant's 06:00 run did: <see cref="Status"/> (<c>completed</c>, <c>skipped: paused</c>,
/// <c>invalid_trigger</c>, or <c>digest_{status}</c> when the morning digest did not store), the period, every check's
/// outcome (a missing figure is <c>not_measured</c>), how many tasks and post-mortems this run created (a re-run: 0),
/// alerts sent, actions the guard refused, and the morning digest's status.
/// </summary>
// WARNING: persisted in history (the run's output).
public sealed record OperationsLoopResult(string Status, string Period, IReadOnlyList<OperationsCheck> Checks, int TasksCreated, int PostMortemsCreated,
    int Alerts, int Refused, string? Digest);
