using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Functions.Infrastructure.Channels;

/// <summary>One message for a provider. <see cref="DraftId"/> is the idempotency key and the provider reference where
/// the provider takes one.
/// <see cref="Template"/>: a WhatsApp template message to send instead of the text (Cloud API only). <see cref="To"/> and <see cref="Text"/> are personal data: never logged.</summary>
public sealed record ChannelSendRequest(
    string TenantId,
    string DraftId,
    MessageChannel Channel,
    string To,
    string Text,
    string CorrelationId,
    string? Subject = null,
    string? InReplyTo = null,
    string? UnsubscribeUrl = null,
    string? UnsubscribeMailto = null,
    WhatsAppTemplate? Template = null);
