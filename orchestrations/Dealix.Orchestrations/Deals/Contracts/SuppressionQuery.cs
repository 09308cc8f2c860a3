namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of the <c>CheckContactSuppression</c> activity.</summary>
// WARNING: persisted in history.
public sealed record SuppressionQuery(string TenantId, MessageChannel Channel, string Address);
