using System.Text.Json;
using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Functions.Infrastructure.Webhooks;

/// <summary>
/// Reads an Ultramsg webhook (channels.md §2.2). <c>message_received</c> from someone else is an inbound message
/// (<c>chat</c> carries text); <c>fromMe</c> echoes of our own sends are ignored to avoid reply loops; <c>message_ack</c>
/// is a delivery receipt. Ultramsg signs nothing: the endpoint checks a secret first.
/// </summary>
public static class UltramsgParser
{
    public const string Provider = "ultramsg";

    /// <summary>True when the body looks like an Ultramsg event.</summary>
    public static bool IsUltramsgPayload(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("event_type", out _) && root.TryGetProperty("data", out _);

    /// <summary>Parses the raw body.</summary>
    /// <exception cref="WebhookPayloadException">Not JSON or not an Ultramsg event.</exception>
    public static WebhookBatch Parse(ReadOnlySpan<byte> rawBody)
    {
        using JsonDocument document = WhatsAppCloudParser.ParseJson(rawBody);
        return Parse(document.RootElement);
    }

    /// <summary>Parses an already-read document.</summary>
    public static WebhookBatch Parse(JsonElement root)
    {
        if (!IsUltramsgPayload(root))
        {
            throw new WebhookPayloadException("Not an Ultramsg event: 'event_type' and 'data' are required.");
        }

        JsonElement data = root.GetProperty("data");
        string eventType = WhatsAppCloudParser.Str(root, "event_type") ?? string.Empty;
        string? id = WhatsAppCloudParser.Str(data, "id");
        if (string.IsNullOrEmpty(id))
        {
            return WebhookBatch.Empty;
        }

        bool fromMe = data.TryGetProperty("fromMe", out JsonElement fm) && fm.ValueKind == JsonValueKind.True;
        DateTime at = WhatsAppCloudParser.UnixTime(WhatsAppCloudParser.Str(data, "time"));
        switch (eventType)
        {
            case "message_received" when !fromMe:
                string type = WhatsAppCloudParser.Str(data, "type") ?? "unknown";
                string from = WhatsAppCloudParser.Str(data, "from") ?? string.Empty;
                if (from.Length == 0 || from.EndsWith("@g.us", StringComparison.Ordinal))
                {
                    return WebhookBatch.Empty; // group chats are not leads
                }

                return new WebhookBatch(
                    [new InboundWebhookMessage(Provider, MessageChannel.WhatsApp, id, from, WhatsAppCloudParser.Str(data, "to") ?? WhatsAppCloudParser.Str(root, "instanceId") ?? string.Empty,
                        type, type == "chat" ? WhatsAppCloudParser.Str(data, "body") : null, at, ContactName: WhatsAppCloudParser.Str(data, "pushname"))],
                    []);
            case "message_ack":
                return new WebhookBatch([], [new DeliveryStatusUpdate(Provider, id, WhatsAppCloudParser.Str(data, "ack") ?? "unknown",
                    WhatsAppCloudParser.Str(data, "to"), at, CallbackData: WhatsAppCloudParser.Str(root, "referenceId"))]);
            default:
                return WebhookBatch.Empty;
        }
    }
}
