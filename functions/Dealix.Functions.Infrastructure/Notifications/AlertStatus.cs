namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>The stored states of an alert and of each of its deliveries.</summary>
/// <remarks>WARNING: stored values; never rename.</remarks>
public static class AlertStatus
{
    /// <summary>The alert is recorded; its deliveries are not yet queued.</summary>
    public const string Recorded = "recorded";

    /// <summary>Every delivery of the alert is queued.</summary>
    public const string Dispatched = "dispatched";

    /// <summary>No operator contact matches the alert's tenant and role: it stays on the table only.</summary>
    public const string NoRecipients = "no_recipients";

    /// <summary>A delivery waits on the queue.</summary>
    public const string Pending = "pending";

    /// <summary>A delivery is claimed by one sender, which is calling the provider.</summary>
    public const string Sending = "sending";

    /// <summary>The provider took the message.</summary>
    public const string Sent = "sent";

    /// <summary>The channel's live-send flag is off: recorded, not sent.</summary>
    public const string Simulated = "simulated";

    /// <summary>The provider refused it after the retries, or its outcome stayed unknown: an operator looks.</summary>
    public const string Failed = "failed";
}
