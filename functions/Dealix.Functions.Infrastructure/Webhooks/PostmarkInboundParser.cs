using System.Text.Json;
using Dealix.Orchestrations.Deals.Contracts;
using MimeKit.Utils;

namespace Dealix.Functions.Infrastructure.Webhooks;

/// <summary>
/// Reads the JSON inbound e-mail format (Postmark's, channels.md §3.2): <c>FromFull</c>, <c>To</c>, <c>Subject</c>,
/// <c>MessageID</c> (the de-duplication key), <c>StrippedTextReply</c> (the reply without the quoted thread) or
/// <c>TextBody</c>, and <c>Headers[]</c>.
/// </summary>
public static class PostmarkInboundParser
{
    public const string Provider = "postmark";

    /// <summary>Parses the raw body.</summary>
    /// <exception cref="WebhookPayloadException">Not JSON, or no sender or MessageID.</exception>
    public static InboundWebhookMessage Parse(ReadOnlySpan<byte> rawBody)
    {
        using JsonDocument document = WhatsAppCloudParser.ParseJson(rawBody);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookPayloadException("The inbound e-mail JSON must be an object.");
        }

        var headers = WhatsAppCloudParser.Array(root, "Headers")
            .Select(h => new KeyValuePair<string, string>(WhatsAppCloudParser.Str(h, "Name") ?? string.Empty, WhatsAppCloudParser.Str(h, "Value") ?? string.Empty))
            .ToList();
        string? fromEmail = root.TryGetProperty("FromFull", out JsonElement full) ? WhatsAppCloudParser.Str(full, "Email") : null;
        string from = (fromEmail ?? EmailHeaders.Address(WhatsAppCloudParser.Str(root, "From")))?.ToLowerInvariant()
            ?? throw new WebhookPayloadException("'FromFull.Email' or 'From' is required.");
        string messageId = WhatsAppCloudParser.Str(root, "MessageID") is { Length: > 0 } id
            ? id
            : throw new WebhookPayloadException("'MessageID' is required: the message cannot be de-duplicated.");
        string? subject = WhatsAppCloudParser.Str(root, "Subject");
        string? text = WhatsAppCloudParser.Str(root, "StrippedTextReply") is { Length: > 0 } stripped ? stripped : WhatsAppCloudParser.Str(root, "TextBody");
        string? date = WhatsAppCloudParser.Str(root, "Date");
        return new InboundWebhookMessage(
            Provider, MessageChannel.Email, messageId, from, EmailHeaders.Address(WhatsAppCloudParser.Str(root, "OriginalRecipient") ?? WhatsAppCloudParser.Str(root, "To")) ?? string.Empty,
            "email", text?.Trim(), date is not null && DateUtils.TryParse(date, out DateTimeOffset sent) ? sent.UtcDateTime : DateTime.UnixEpoch,
            full.ValueKind == JsonValueKind.Object && WhatsAppCloudParser.Str(full, "Name") is { Length: > 0 } name ? name : WhatsAppCloudParser.Str(root, "FromName"),
            subject, EmailHeaders.Get(headers, "In-Reply-To"), EmailHeaders.IsAutomated(headers, subject), EmailHeaders.IsBounce(headers, from));
    }
}
