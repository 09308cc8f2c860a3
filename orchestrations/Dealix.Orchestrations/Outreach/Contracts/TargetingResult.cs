using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Outreach.Contracts;

/// <summary>Daily targeting (§10.1): the selected prospects (ids and scores only) and how many were considered or blocked.</summary>
// WARNING: persisted in history.
public sealed record TargetingResult(IReadOnlyList<OutreachTarget> Selected, int Candidates, int Blocked);

/// <summary>One selected prospect: its score, the compliance verdict and contactability, and the channel to use.</summary>
// WARNING: persisted in history.
public sealed record OutreachTarget(string ProspectId, int Score, ComplianceOutcome Outcome, Contactability Contactability, MessageChannel Channel,
    IReadOnlyList<string> Reasons);
