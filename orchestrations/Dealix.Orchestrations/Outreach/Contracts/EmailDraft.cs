namespace Dealix.Orchestrations.Outreach.Contracts;

/// <summary>A generated outbound email sequence (§10.2): the first email and its follow-ups.</summary>
public sealed record EmailDraft(string Subject, string Body, IReadOnlyList<string> FollowUps, string Language = "ar");

/// <summary>A scored targeting candidate (§10.1); <see cref="LastSignalAt"/> breaks ties (most recent first).</summary>
public sealed record TargetCandidate(
    string CompanyId,
    string Sector,
    string City,
    int SectorFit,
    int SignalStrength,
    int SizeFit,
    Contactability Contactability,
    DateTime? LastContactedAt,
    DateTime LastSignalAt);

/// <summary>A selected candidate and its 0–100 score.</summary>
public sealed record ScoredTarget(TargetCandidate Candidate, int Score);
