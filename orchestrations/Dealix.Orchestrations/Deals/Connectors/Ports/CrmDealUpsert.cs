namespace Dealix.Orchestrations.Deals.Connectors.Ports;

/// <summary>A deal for the CRM, keyed by <see cref="DealixDealId"/> (the CRM's unique property <c>dealix_deal_id</c>).</summary>
public sealed record CrmDealUpsert(string TenantId, string DealixDealId, string DealName, string Stage, string CorrelationId);
