using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dealix.Orchestrations.Deals.Contracts;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using MimeKit;
using MimeKit.Utils;

namespace Dealix.Functions.Infrastructure.Webhooks;

/// <summary>
/// Reads a SendGrid Inbound Parse POST (channels.md §3.1): <c>multipart/form-data</c> with <c>from</c>, <c>to</c>,
/// <c>subject</c>, <c>text</c>, <c>html</c>, <c>headers</c>, <c>envelope</c> and <c>charsets</c> (each field decoded with its
/// declared character set, e.g. windows-1256 Arabic mail), or raw mode's single <c>email</c> field with the whole MIME
/// message. The de-duplication key is the <c>Message-ID</c> header.
/// </summary>
public static partial class SendGridInboundParser
{
    public const string Provider = "sendgrid";

    static SendGridInboundParser()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Parses the raw body given its <c>Content-Type</c> header.</summary>
    /// <exception cref="WebhookPayloadException">Not multipart, no boundary, or no sender or Message-ID.</exception>
    public static async Task<InboundWebhookMessage> ParseAsync(byte[] rawBody, string? contentType, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(rawBody);
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new WebhookPayloadException("SendGrid Inbound Parse posts multipart/form-data with a boundary.");
        }

        var fields = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        var reader = new MultipartReader(boundary, new MemoryStream(rawBody, writable: false));
        try
        {
            while (await reader.ReadNextSectionAsync(cancellation) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition)
                    && HeaderUtilities.RemoveQuotes(disposition.Name).Value is { Length: > 0 } name && !disposition.FileName.HasValue)
                {
                    using var buffer = new MemoryStream();
                    await section.Body.CopyToAsync(buffer, cancellation);
                    fields[name] = buffer.ToArray();
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // InvalidDataException: a section's headers over the reader's limits, or a line that never ends.
            throw new WebhookPayloadException("The multipart body is malformed.", e);
        }

        return fields.TryGetValue("email", out byte[]? mime) ? FromMime(mime) : FromParsedFields(fields);
    }

    private static InboundWebhookMessage FromParsedFields(Dictionary<string, byte[]> fields)
    {
        Dictionary<string, string> charsets = ReadCharsets(fields);
        string? Field(string name) => fields.TryGetValue(name, out byte[]? bytes) ? Decode(bytes, charsets.GetValueOrDefault(name)) : null;

        IReadOnlyList<KeyValuePair<string, string>> headers = EmailHeaders.Parse(Field("headers"));
        string? fromField = Field("from");
        string from = EmailHeaders.Address(fromField) ?? throw new WebhookPayloadException("The 'from' field has no readable address.");
        string messageId = EmailHeaders.Get(headers, "Message-ID")?.Trim() is { Length: > 0 } id
            ? id
            : throw new WebhookPayloadException("The 'headers' field has no Message-ID: the message cannot be de-duplicated.");
        string? subject = Field("subject");
        string? text = Field("text") ?? (Field("html") is { } html ? StripHtml(html) : null);
        return new InboundWebhookMessage(
            Provider, MessageChannel.Email, messageId, from, EmailHeaders.Address(Field("to")) ?? string.Empty, "email", text?.Trim(),
            ParseDate(EmailHeaders.Get(headers, "Date")), EmailHeaders.DisplayName(fromField), subject,
            EmailHeaders.Get(headers, "In-Reply-To"), EmailHeaders.IsAutomated(headers, subject), EmailHeaders.IsBounce(headers, from));
    }

    private static InboundWebhookMessage FromMime(byte[] mime)
    {
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(new MemoryStream(mime, writable: false));
        }
        catch (FormatException e)
        {
            throw new WebhookPayloadException("The raw 'email' field is not a MIME message.", e);
        }

        var headers = message.Headers.Select(h => new KeyValuePair<string, string>(h.Field, h.Value)).ToList();
        MailboxAddress sender = message.From.Mailboxes.FirstOrDefault() ?? throw new WebhookPayloadException("The message has no From address.");
        string messageId = message.MessageId is { Length: > 0 } id ? $"<{id}>" : throw new WebhookPayloadException("The message has no Message-ID.");
        string? text = message.TextBody ?? (message.HtmlBody is { } html ? StripHtml(html) : null);
        return new InboundWebhookMessage(
            Provider, MessageChannel.Email, messageId, sender.Address.ToLowerInvariant(), message.To.Mailboxes.FirstOrDefault()?.Address.ToLowerInvariant() ?? string.Empty,
            "email", text?.Trim(), message.Date.UtcDateTime, sender.Name is { Length: > 0 } n ? n : null, message.Subject,
            message.InReplyTo is { } reply ? $"<{reply}>" : null, EmailHeaders.IsAutomated(headers, message.Subject),
            EmailHeaders.IsBounce(headers, sender.Address));
    }

    private static Dictionary<string, string> ReadCharsets(Dictionary<string, byte[]> fields)
    {
        if (!fields.TryGetValue("charsets", out byte[]? json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Decode(byte[] bytes, string? charset)
    {
        Encoding encoding = Encoding.UTF8;
        if (!string.IsNullOrWhiteSpace(charset))
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim());
            }
            catch (ArgumentException)
            {
                encoding = Encoding.UTF8;
            }
        }

        return encoding.GetString(bytes);
    }

    private static DateTime ParseDate(string? value) =>
        value is not null && DateUtils.TryParse(value, out DateTimeOffset date) ? date.UtcDateTime : DateTime.UnixEpoch;

    internal static string StripHtml(string html) => Whitespace().Replace(Tags().Replace(html, " "), " ").Trim();

    [GeneratedRegex("<[^>]+>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
