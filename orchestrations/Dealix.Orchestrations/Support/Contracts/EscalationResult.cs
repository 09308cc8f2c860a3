namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>What an escalation call did: <c>escalated</c> (this call recorded the level), <c>already_escalated</c>
/// (the orchestration or the sweep recorded it before), or <c>not_due</c> (the ticket answered, resolved or changed
/// priority meanwhile).</summary>
// WARNING: persisted in history (activity output).
public sealed record EscalationResult(string Outcome, string Key, IReadOnlyList<string> NotifiedRoles)
{
    public const string Escalated = "escalated";
    public const string AlreadyEscalated = "already_escalated";
    public const string NotDue = "not_due";
}
