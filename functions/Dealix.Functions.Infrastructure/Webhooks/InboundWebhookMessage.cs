using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Functions.Infrastructure.Webhooks;

/// <summary>
/// One contact message read from a provider webhook, before routing. <see cref="Text"/> is null for non-text messages
/// (images, audio, locations…): they are kept but not classified.
/// </summary>
/// <remarks>
/// <para><c>ProviderMessageId</c>: the provider's id (WhatsApp <c>wamid…</c>, Ultramsg <c>data.id</c>, the e-mail
/// <c>Message-ID</c>): the de-duplication key.</para>
/// <para><c>ReceivingAddress</c>: which business number or mailbox received it (WhatsApp <c>phone_number_id</c>, the e-mail
/// recipient): routes the message to a tenant.</para>
/// <para><c>IsAutomated</c>: an auto-reply, a bounce or list mail (never answered automatically).</para>
/// </remarks>
public sealed record InboundWebhookMessage(
    string Provider,
    MessageChannel Channel,
    string ProviderMessageId,
    string From,
    string ReceivingAddress,
    string Type,
    string? Text,
    DateTime SentAt,
    string? ContactName = null,
    string? Subject = null,
    string? InReplyTo = null,
    bool IsAutomated = false,
    bool IsBounce = false);
