namespace Dealix.Functions.Infrastructure.Webhooks;

/// <summary>A provider's delivery receipt for a message Dealix sent (WhatsApp <c>statuses[]</c>, Ultramsg acks).
/// De-duplicated on (<see cref="ProviderMessageId"/>, <see cref="Status"/>).</summary>
public sealed record DeliveryStatusUpdate(
    string Provider,
    string ProviderMessageId,
    string Status,
    string? RecipientId,
    DateTime At,
    string? ErrorCode = null,
    string? CallbackData = null);
