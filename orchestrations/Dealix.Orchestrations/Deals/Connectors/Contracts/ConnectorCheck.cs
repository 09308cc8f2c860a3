namespace Dealix.Orchestrations.Deals.Connectors.Contracts;

/// <summary>The tenant's connector as a deal action sees it: its state, and why automation may not use it (null: it may).</summary>
/// <remarks>WARNING: persisted in history (activity output).</remarks>
public sealed record ConnectorCheck(string ConnectorId, string State, string? Refusal);
