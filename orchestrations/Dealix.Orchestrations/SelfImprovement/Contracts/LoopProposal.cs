namespace Dealix.Orchestrations.SelfImprovement.Contracts;

/// <summary>
/// One action a loop proposes (§17.3–17.5): what (<see cref="Action"/>, e.g. <c>increase_budget</c>), on which campaign
/// or entity, from what to what, why, and whether it needs a human's approval first (§17.5) or is auto-allowed.
/// </summary>
// WARNING: persisted in history and in approval drafts.
public sealed record LoopProposal(
    string Loop,
    string Action,
    string Target,
    decimal? From,
    decimal? To,
    string Reason,
    bool NeedsApproval);
