namespace Dealix.Functions.Infrastructure.Channels;

/// <summary>Settings section <c>WhatsApp</c>: the Cloud API sender and the webhook secrets.</summary>
public sealed class WhatsAppOptions
{
    public const string Section = "WhatsApp";

    public string GraphBaseUrl { get; set; } = "https://graph.facebook.com";

    public string GraphVersion { get; set; } = "v23.0";

    public string PhoneNumberId { get; set; } = string.Empty;

    /// <summary>A secret: the system-user access token.</summary>
    public string AccessToken { get; set; } = string.Empty;

    /// <summary>A secret: the app secret that signs webhooks (<c>X-Hub-Signature-256</c>).</summary>
    public string AppSecret { get; set; } = string.Empty;

    /// <summary>A secret: the verify token of the GET handshake.</summary>
    public string VerifyToken { get; set; } = string.Empty;

    /// <summary>Which tenant a business number (<c>phone_number_id</c>) belongs to; unknown numbers go to <see cref="DefaultTenant"/>.</summary>
    public Dictionary<string, string> Tenants { get; set; } = [];

    public string DefaultTenant { get; set; } = "default";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
