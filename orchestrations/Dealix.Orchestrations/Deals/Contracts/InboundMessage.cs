namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>
/// One message a contact sent, as a webhook accepted it: raised to the deal orchestration as
/// <see cref="DealEvents.InboundMessageReceived"/>. <see cref="From"/> is the contact's number or address; it is
/// needed to reply and is never logged.
/// </summary>
// WARNING: persisted in history.
public sealed record InboundMessage(
    string TenantId,
    string ContactId,
    MessageChannel Channel,
    string ProviderMessageId,
    string From,
    string Text,
    DateTime ReceivedAt,
    string CorrelationId,
    string? Subject = null,
    string? ContactName = null);
