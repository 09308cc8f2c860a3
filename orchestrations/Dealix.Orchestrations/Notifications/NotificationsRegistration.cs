using Dealix.Orchestrations.Notifications.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Notifications;

/// <summary>Registers the notification activities with a worker (tests and hosts that build a registry).</summary>
public static class NotificationsRegistration
{
    /// <summary>Adds <see cref="SendOperatorAlert"/>; <see cref="IOperatorAlerts"/> must be registered as a service.</summary>
    public static DurableTaskRegistry AddNotifications(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.AddActivity<SendOperatorAlert>();
    }
}
