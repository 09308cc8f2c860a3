namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>The channels an alert goes out on.</summary>
/// <remarks>WARNING: stored values (delivery rows, queue messages); never rename.</remarks>
public static class AlertChannel
{
    public const string Email = "email";

    public const string WhatsApp = "whatsapp";

    public const string Webhook = "webhook";
}
