namespace Dealix.Orchestrations.Outreach.Contracts;

/// <summary>What to do with an alert candidate now.</summary>
/// <param name="Kind">Alert, hold or drop.</param>
/// <param name="Reasons">Why it alerts (each trigger met), or why it is held or dropped.</param>
/// <param name="HoldUntil">For <see cref="AlertDecisionKind.Hold"/>: when to decide again.</param>
public sealed record AlertDecision(AlertDecisionKind Kind, IReadOnlyList<string> Reasons, DateTime? HoldUntil = null);

/// <summary>The outcome of the smart-alert rule.</summary>
public enum AlertDecisionKind
{
    /// <summary>Notify now.</summary>
    Alert,

    /// <summary>Wait: it may still resolve itself within the transient window.</summary>
    Hold,

    /// <summary>Do not notify.</summary>
    Drop,
}
