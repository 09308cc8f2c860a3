using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dealix.Functions.Infrastructure.Webhooks;
using Dealix.Orchestrations.Deals.Lifecycle;

namespace Dealix.Functions.Infrastructure.DealConnectors;

/// <summary>
/// Reads and checks a Moyasar webhook body (channels.md §6): <c>{"id","type","secret_token","data":{"id","status","amount",
/// "currency","invoice_id"?,"metadata":{"deal_id"}}}</c>. Moyasar signs nothing: the body carries the endpoint's
/// <c>secret_token</c>, compared in constant time with the tenant's. The deal comes from the payment's metadata
/// (<c>deal_id</c> = the deal instance id <c>deal:{tenant}:{contact}</c>, set when the payment link is made).
/// </summary>
public static class MoyasarWebhookParser
{
    /// <summary>The event types Moyasar sends for payments (the docs' <c>payment_faild</c> spelling is not sent by the API).</summary>
    public static readonly IReadOnlyList<string> EventTypes =
        ["payment_paid", "payment_failed", "payment_refunded", "payment_voided", "payment_authorized", "payment_captured", "payment_verified"];

    /// <summary>Parses and validates; <see cref="WebhookPayloadException"/> says what is wrong.</summary>
    public static (MoyasarWebhookEvent Event, string SecretToken) Parse(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new WebhookPayloadException("The body is not valid JSON.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookPayloadException("The body must be a JSON object.");
        }

        string eventId = Text(root, "id", 100);
        string type = Text(root, "type", 40);
        if (!EventTypes.Contains(type))
        {
            throw new WebhookPayloadException($"type must be one of: {string.Join(", ", EventTypes)}.");
        }

        string token = Text(root, "secret_token", 200);
        if (!root.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookPayloadException("data (the payment) must be an object.");
        }

        string paymentId = Text(data, "id", 100, "data.");
        string status = Text(data, "status", 40, "data.");
        if (!data.TryGetProperty("amount", out JsonElement amount) || amount.ValueKind != JsonValueKind.Number || !amount.TryGetInt64(out long halalas) || halalas < 0)
        {
            throw new WebhookPayloadException("data.amount must be a whole number of halalas, 0 or more.");
        }

        string currency = Text(data, "currency", 3, "data.");
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new WebhookPayloadException("data.currency must be a 3-letter ISO code such as SAR.");
        }

        string? invoiceId = data.TryGetProperty("invoice_id", out JsonElement invoice) && invoice.ValueKind == JsonValueKind.String ? invoice.GetString() : null;
        if (!data.TryGetProperty("metadata", out JsonElement metadata) || metadata.ValueKind != JsonValueKind.Object
            || !metadata.TryGetProperty("deal_id", out JsonElement dealId) || dealId.ValueKind != JsonValueKind.String
            || dealId.GetString()!.Split(':') is not ["deal", { } tenant, { } contact] || !DealKeys.IsValidKey(tenant, DealKeys.MaxTenantIdLength) || !DealKeys.IsValidKey(contact))
        {
            throw new WebhookPayloadException("data.metadata.deal_id must be the deal's id (deal:{tenant}:{contact}).");
        }

        return (new MoyasarWebhookEvent(eventId, type, paymentId, status, halalas, currency, invoiceId, tenant, dealId.GetString()!), token);
    }

    /// <summary>Constant-time comparison of the delivered token with the tenant's (both hashed first, so lengths leak nothing).</summary>
    public static bool TokenMatches(string delivered, string? expected)
    {
        if (string.IsNullOrEmpty(expected))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(delivered)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    private static string Text(JsonElement element, string name, int max, string prefix = "")
    {
        if (!element.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text || text.Length > max)
        {
            throw new WebhookPayloadException($"{prefix}{name} must be a non-empty string of at most {max} characters.");
        }

        return text;
    }
}
