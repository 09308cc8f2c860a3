using System.Globalization;
using System.Text.Json;
using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Functions.Infrastructure.Webhooks;

/// <summary>
/// Reads a WhatsApp Cloud API notification (channels.md §1.2–1.3): every <c>entry[]</c>, every <c>changes[]</c> with
/// <c>field = messages</c>, every <c>messages[]</c> and <c>statuses[]</c>. Text comes from text messages, button replies
/// and interactive replies; other types are reported with a null text. Call only after the signature was verified.
/// </summary>
public static class WhatsAppCloudParser
{
    public const string Provider = "whatsapp_cloud";

    /// <summary>True when the body looks like a Cloud API notification (<c>"object": "whatsapp_business_account"</c>).</summary>
    public static bool IsCloudPayload(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("object", out JsonElement o) && o.ValueKind == JsonValueKind.String
        && o.GetString() == "whatsapp_business_account";

    /// <summary>Parses the raw body.</summary>
    /// <exception cref="WebhookPayloadException">Not JSON, or not a Cloud API notification.</exception>
    public static WebhookBatch Parse(ReadOnlySpan<byte> rawBody)
    {
        using JsonDocument document = ParseJson(rawBody);
        return Parse(document.RootElement);
    }

    /// <summary>Parses an already-read document.</summary>
    public static WebhookBatch Parse(JsonElement root)
    {
        if (!IsCloudPayload(root))
        {
            throw new WebhookPayloadException("Not a WhatsApp Cloud API notification: 'object' must be 'whatsapp_business_account'.");
        }

        var messages = new List<InboundWebhookMessage>();
        var statuses = new List<DeliveryStatusUpdate>();
        foreach (JsonElement entry in Array(root, "entry"))
        {
            foreach (JsonElement change in Array(entry, "changes"))
            {
                if (Str(change, "field") != "messages" || !change.TryGetProperty("value", out JsonElement value) || value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                string receivingAddress = value.TryGetProperty("metadata", out JsonElement metadata) ? Str(metadata, "phone_number_id") ?? string.Empty : string.Empty;
                var names = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (JsonElement contact in Array(value, "contacts"))
                {
                    if (Str(contact, "wa_id") is { } waId && contact.TryGetProperty("profile", out JsonElement profile) && Str(profile, "name") is { } name)
                    {
                        names[waId] = name;
                    }
                }

                foreach (JsonElement message in Array(value, "messages"))
                {
                    string? id = Str(message, "id");
                    string? from = Str(message, "from");
                    if (id is null || from is null)
                    {
                        continue;
                    }

                    string type = Str(message, "type") ?? "unknown";
                    messages.Add(new InboundWebhookMessage(
                        Provider, MessageChannel.WhatsApp, id, from, receivingAddress, type, TextOf(message, type), UnixTime(Str(message, "timestamp")),
                        ContactName: names.GetValueOrDefault(from),
                        InReplyTo: message.TryGetProperty("context", out JsonElement context) ? Str(context, "id") : null));
                }

                foreach (JsonElement status in Array(value, "statuses"))
                {
                    if (Str(status, "id") is not { } id || Str(status, "status") is not { } state)
                    {
                        continue;
                    }

                    string? errorCode = Array(status, "errors").Select(e => e.TryGetProperty("code", out JsonElement c) ? c.ToString() : null).FirstOrDefault(c => c is not null);
                    statuses.Add(new DeliveryStatusUpdate(Provider, id, state, Str(status, "recipient_id"), UnixTime(Str(status, "timestamp")),
                        errorCode, Str(status, "biz_opaque_callback_data")));
                }
            }
        }

        return new WebhookBatch(messages, statuses);
    }

    internal static JsonDocument ParseJson(ReadOnlySpan<byte> rawBody)
    {
        try
        {
            var reader = new Utf8JsonReader(rawBody);
            return JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new WebhookPayloadException("The body is not valid JSON.", e);
        }
    }

    private static string? TextOf(JsonElement message, string type) => type switch
    {
        "text" => message.TryGetProperty("text", out JsonElement text) ? Str(text, "body") : null,
        "button" => message.TryGetProperty("button", out JsonElement button) ? Str(button, "text") : null,
        "interactive" when message.TryGetProperty("interactive", out JsonElement interactive) =>
            (interactive.TryGetProperty("button_reply", out JsonElement reply) || interactive.TryGetProperty("list_reply", out reply)) ? Str(reply, "title") : null,
        _ => null,
    };

    internal static IEnumerable<JsonElement> Array(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out JsonElement array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : [];

    internal static string? Str(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out JsonElement value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }
            : null;

    /// <summary>Unix seconds as UTC; the epoch when missing or not a positive number; refused past the year 9999.</summary>
    internal static DateTime UnixTime(string? seconds) =>
        long.TryParse(seconds, NumberStyles.Integer, CultureInfo.InvariantCulture, out long s) && s > 0
            ? s <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
                ? DateTimeOffset.FromUnixTimeSeconds(s).UtcDateTime
                : throw new WebhookPayloadException($"The timestamp {s} is not a time (Unix seconds).")
            : DateTime.UnixEpoch;
}
