namespace Dealix.Functions.Infrastructure.Channels;

/// <summary>Settings section <c>Smtp</c>: outbound e-mail, its unsubscribe addresses, and the inbound webhook secret.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 587;

    /// <summary><c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c>, <c>SslOnConnect</c> or <c>Auto</c>.</summary>
    public string Security { get; set; } = "StartTls";

    public string UserName { get; set; } = string.Empty;

    /// <summary>A secret.</summary>
    public string Password { get; set; } = string.Empty;

    public string FromAddress { get; set; } = string.Empty;

    public string FromName { get; set; } = "Dealix";

    /// <summary>The one-click unsubscribe endpoint (RFC 8058), e.g. <c>https://dealix.example/api/v1/unsubscribe</c>.</summary>
    public string UnsubscribeBaseUrl { get; set; } = "http://localhost:7071/api/v1/unsubscribe";

    /// <summary>The mailbox for mailto unsubscribes.</summary>
    public string UnsubscribeMailbox { get; set; } = "unsubscribe@dealix.example";

    /// <summary>A secret: inbound e-mail webhooks carry <c>?secret=</c> with this value (SendGrid and Postmark sign nothing here).</summary>
    public string InboundSecret { get; set; } = string.Empty;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}
