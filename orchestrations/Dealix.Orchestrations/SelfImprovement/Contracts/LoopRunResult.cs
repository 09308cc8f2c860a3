namespace Dealix.Orchestrations.SelfImprovement.Contracts;

/// <summary>What one tenant's loop run did: how many proposals, applied automatically, put up for approval, refused.</summary>
// WARNING: persisted in history.
public sealed record LoopRunResult(string Status, string Loop, string Period, int Proposals, int Applied, int AwaitingApproval, int Refused, int Alerts);
