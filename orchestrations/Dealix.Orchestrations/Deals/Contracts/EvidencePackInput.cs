namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of the <c>AssembleEvidencePack</c> activity (§8.9): once per closed_won transition.</summary>
// WARNING: persisted in history.
public sealed record EvidencePackInput(
    string TenantId,
    string DealInstanceId,
    string ContactId,
    MessageChannel Channel,
    string CorrelationId,
    DateTime WonAt,
    string ClosedBy);
