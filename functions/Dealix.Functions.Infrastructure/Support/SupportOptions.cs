namespace Dealix.Functions.Infrastructure.Support;

/// <summary>
/// Settings section <c>Support</c>: which inbound destinations are support channels, and for which tenant. A message to
/// one of these becomes a ticket instead of a deal message. <c>Support:EmailAddresses:{address}</c> = tenant (the
/// mailbox the message was sent to, compared case-insensitively); <c>Support:WhatsAppNumbers:{phone_number_id}</c> =
/// tenant (the receiving business number's id, or the Ultramsg instance's number).
/// </summary>
public sealed class SupportOptions
{
    public const string Section = "Support";

    public Dictionary<string, string> EmailAddresses { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> WhatsAppNumbers { get; init; } = new(StringComparer.Ordinal);
}
