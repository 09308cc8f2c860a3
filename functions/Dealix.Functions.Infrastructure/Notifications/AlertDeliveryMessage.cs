namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>One queued delivery: which row of <c>OperatorAlertDeliveries</c> to send. Carries no address or text.</summary>
/// <remarks>WARNING: the queue message shape; add members only with defaults.</remarks>
public sealed record AlertDeliveryMessage(string Tenant, string AlertId, string DeliveryId);
