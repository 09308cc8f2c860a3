namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>The durable queue alert deliveries travel on (a storage queue in the app, a list in unit tests).</summary>
public interface IAlertDeliveries
{
    /// <summary>Queues one delivery, visible after <paramref name="delay"/>.</summary>
    Task EnqueueAsync(AlertDeliveryMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default);
}
