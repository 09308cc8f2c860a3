using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>One suppressed address: why (<c>unsubscribe</c>, <c>bounced</c>, <c>complaint</c>), when, and the message
/// that caused it.</summary>
public sealed record SuppressionRecord(
    string TenantId,
    MessageChannel Channel,
    string Address,
    string Reason,
    DateTime At,
    string? SourceMessageId,
    string CorrelationId);
