namespace Dealix.Orchestrations.Onboarding.Contracts;

/// <summary>
/// The result of a connector's acceptance test (§6.6): which check ran (e.g. <c>draft_created_and_deleted</c> for
/// Gmail), whether it passed, and on failure the cause (<c>auth</c>, <c>webhook</c>, <c>outage</c>) and, for an outage,
/// how many minutes it lasted.
/// </summary>
/// <remarks>WARNING: persisted in history and storage.</remarks>
public sealed record AcceptanceReport(string Check, bool Passed, string? Cause = null, int? OutageMinutes = null);
