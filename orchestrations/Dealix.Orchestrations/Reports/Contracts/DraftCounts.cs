namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>Drafts created, approved, rejected, expired and blocked by the content gate in a window.</summary>
public sealed record DraftCounts(int Created, int Approved, int Rejected, int Expired, int BlockedByGate);
