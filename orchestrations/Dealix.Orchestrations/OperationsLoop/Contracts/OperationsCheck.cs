namespace Dealix.Orchestrations.OperationsLoop.Contracts;

/// <summary>
/// The outcome of one §17.4 check for a day: <see cref="Check"/> (<c>runway</c>, <c>customer_health</c>,
/// <c>uptime</c>, <c>velocity</c>), <see cref="Status"/> (<c>ok</c>, <c>action</c>: its threshold was crossed and an
/// action follows, <c>covered</c>: crossed but an earlier day's action covers it, <c>suppressed</c>: crossed but §17.6
/// calls it noise, <c>not_measured</c>: its figure is missing, never counted as 0), the figure and threshold compared,
/// and a sentence saying why.
/// </summary>
// WARNING: persisted in history (the run's output).
public sealed record OperationsCheck(string Check, string Status, decimal? Figure, decimal? Threshold, string Detail)
{
    public const string Ok = "ok";
    public const string Action = "action";
    public const string Covered = "covered";
    public const string Suppressed = "suppressed";
    public const string NotMeasured = "not_measured";
}
