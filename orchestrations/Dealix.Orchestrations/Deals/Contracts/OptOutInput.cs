namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of the <c>OptOutContact</c> activity (§9.3 handling).</summary>
// WARNING: persisted in history.
public sealed record OptOutInput(
    string TenantId,
    string ContactId,
    string DealInstanceId,
    MessageChannel Channel,
    string Address,
    string SourceMessageId,
    string CorrelationId);
