namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>One delivery of an alert: a channel (<see cref="AlertChannel"/>) to one recipient (a contact id or a webhook
/// id), its state (<see cref="AlertStatus"/>), attempts so far and the last provider error (a code, no personal data).</summary>
public sealed record AlertDelivery(
    string Tenant,
    string DeliveryId,
    string AlertId,
    string Channel,
    string Recipient,
    string Status,
    int Attempts,
    string? LastError,
    string? ProviderMessageId,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClaimedAt);
