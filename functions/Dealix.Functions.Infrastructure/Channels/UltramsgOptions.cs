namespace Dealix.Functions.Infrastructure.Channels;

/// <summary>Settings section <c>Ultramsg</c>: the gateway WhatsApp goes through first when configured.</summary>
public sealed class UltramsgOptions
{
    public const string Section = "Ultramsg";

    public string BaseUrl { get; set; } = "https://api.ultramsg.com";

    public string InstanceId { get; set; } = string.Empty;

    /// <summary>A secret: the instance API token.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>A secret: Ultramsg signs nothing, so its webhook URL carries <c>?secret=</c> with this value.</summary>
    public string WebhookSecret { get; set; } = string.Empty;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
