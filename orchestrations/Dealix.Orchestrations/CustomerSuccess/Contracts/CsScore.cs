namespace Dealix.Orchestrations.CustomerSuccess.Contracts;

/// <summary>One day's scores of a customer: the at-risk alert (§14.3) and the health score (§14.5).</summary>
// WARNING: persisted in history and in the CsScores table.
public sealed record CsScore(string Tenant, string CustomerId, DateOnly Day, AtRiskAlert Risk, HealthScoreResult Health, DateTimeOffset At);
