namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of the <c>ClassifyInboundMessage</c> activity.</summary>
// WARNING: persisted in history.
public sealed record ClassifyInput(string TenantId, string DealInstanceId, string MessageId, string Text, string CorrelationId);
