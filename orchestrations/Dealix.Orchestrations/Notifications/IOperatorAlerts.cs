namespace Dealix.Orchestrations.Notifications;

/// <summary>
/// Tells the operators of an alert's tenant and role, on their real channels (e-mail, WhatsApp, team-chat webhook), once
/// per <see cref="OperatorAlert.IdempotencyKey"/>. Orchestrations call the <see cref="OperatorAlertActivities.Send"/>
/// activity; other code injects this port.
/// </summary>
public interface IOperatorAlerts
{
    /// <summary>Records the alert durably and hands it to delivery; true when delivered or already delivered (accepted
    /// for delivery) for that idempotency key. Throws <see cref="ArgumentException"/> for an invalid alert.</summary>
    Task<bool> SendAsync(OperatorAlert alert, CancellationToken cancellationToken = default);
}
