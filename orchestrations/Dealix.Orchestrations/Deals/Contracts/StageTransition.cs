namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>
/// The state machine's answer to one trigger (§8.3). <see cref="NeedsApproval"/> marks a move into an approval
/// stage that automation may only propose; <see cref="Reason"/> is e.g. <c>not_a_fit</c> or <c>no_response</c>.
/// </summary>
// WARNING: persisted in history (activity result).
public sealed record StageTransition(
    DealStage From,
    DealStage To,
    string Trigger,
    bool NeedsApproval,
    string? Reason,
    IReadOnlyList<string> Actions)
{
    /// <summary>True when the stage changes.</summary>
    public bool Changed => From != To;

    /// <summary>No change for this trigger.</summary>
    public static StageTransition Unchanged(DealStage stage, string trigger, params string[] actions) =>
        new(stage, stage, trigger, false, null, actions);
}
