namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>
/// The compliance check (§10.3) and the auto-send decision (§8.6) for one reply: <see cref="Compliance"/> is
/// <c>allowed</c>, <c>warn</c> or <c>blocked</c>; <see cref="Reasons"/> lists why auto-send was refused (or why the
/// contact is blocked).
/// </summary>
// WARNING: persisted in history.
public sealed record ReplyPolicyResult(
    string Compliance,
    bool AutoSendAllowed,
    IReadOnlyList<string> Reasons,
    string? TemplateText,
    string? AssignedOperator)
{
    /// <summary>True when nothing may be drafted for the contact at all.</summary>
    public bool IsBlocked => Compliance == "blocked";
}
