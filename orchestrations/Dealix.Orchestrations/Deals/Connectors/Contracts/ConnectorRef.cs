namespace Dealix.Orchestrations.Deals.Connectors.Contracts;

/// <summary>Input of <see cref="Activities.CheckDealConnector"/>: a tenant's own connector.</summary>
/// <remarks>WARNING: persisted in history.</remarks>
public sealed record ConnectorRef(string TenantId, string ConnectorId);
