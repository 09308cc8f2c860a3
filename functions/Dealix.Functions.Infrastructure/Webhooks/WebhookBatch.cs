namespace Dealix.Functions.Infrastructure.Webhooks;

/// <summary>Everything one webhook request carried: messages and delivery receipts, in payload order.</summary>
public sealed record WebhookBatch(IReadOnlyList<InboundWebhookMessage> Messages, IReadOnlyList<DeliveryStatusUpdate> Statuses)
{
    /// <summary>Nothing to act on.</summary>
    public static WebhookBatch Empty { get; } = new([], []);
}
