using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;

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
    bool IsBounce = false)
{
    /// <summary>The longest provider message id accepted (WhatsApp ids are about 60 characters, e-mail Message-IDs rarely over 250).</summary>
    public const int MaxProviderMessageIdLength = 512;

    // A message nobody can be identified by, or that cannot be de-duplicated, is refused where it is read (a 400), not
    // deep inside the intake.
    public string ProviderMessageId { get; init; } = !string.IsNullOrWhiteSpace(ProviderMessageId) && ProviderMessageId.Length <= MaxProviderMessageIdLength
        ? ProviderMessageId
        : throw new WebhookPayloadException($"The message id is missing or longer than {MaxProviderMessageIdLength} characters.");

    public string From { get; init; } = From is not null && DealKeys.NormaliseAddress(Channel, From).Length > 0
        ? From
        : throw new WebhookPayloadException(Channel == MessageChannel.Email ? "The sender's address is missing." : "The sender is not a phone number.");
}
