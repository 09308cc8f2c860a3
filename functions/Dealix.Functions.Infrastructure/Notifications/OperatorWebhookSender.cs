using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Dealix.Functions.Infrastructure.Channels;

namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>
/// Posts one alert to a team-chat webhook, signed so the receiver can tell it came from Dealix:
/// <code>
/// POST {Url}
/// Content-Type: application/json; charset=utf-8
/// X-Dealix-Event: operator_alert
/// X-Dealix-Delivery: {delivery id}            (the same on every retry: receivers de-duplicate by it)
/// X-Dealix-Timestamp: {unix seconds}
/// X-Dealix-Signature: t={unix seconds},v1={lowercase hex HMAC-SHA256(secret, "{unix seconds}." + raw body)}
/// </code>
/// A receiver recomputes v1 over the raw body bytes, compares in constant time and refuses timestamps older than a few
/// minutes (<see cref="Verify"/>). 2xx is sent; anything else, a timeout or a dropped connection is retried (the delivery
/// id makes a retry safe).
/// </summary>
public sealed class OperatorWebhookSender(HttpClient http, TimeProvider clock)
{
    public const string Provider = "webhook";
    public const string SignatureHeader = "X-Dealix-Signature";
    public const string TimestampHeader = "X-Dealix-Timestamp";
    public const string DeliveryHeader = "X-Dealix-Delivery";
    public const string EventHeader = "X-Dealix-Event";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The signature header value for <paramref name="body"/> at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        byte[] prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        byte[] signed = [.. prefix, .. body];
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed))}";
    }

    /// <summary>What a receiver does: true when <paramref name="header"/> signs <paramref name="body"/> with
    /// <paramref name="secret"/> and its timestamp is within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        string? t = null, v1 = null;
        foreach (string part in header.Split(','))
        {
            string[] pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim() == "t")
            {
                t = pair[1].Trim();
            }
            else if (pair.Length == 2 && pair[0].Trim() == "v1")
            {
                v1 = pair[1].Trim();
            }
        }

        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp) || v1 is null
            || (now - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > tolerance)
        {
            return false;
        }

        byte[] expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes($"t={t},v1={v1}"));
    }

    /// <summary>Posts <paramref name="body"/>; <see cref="SendOutcome.Rejected"/> means "not taken, try again later".</summary>
    public async Task<ChannelSendResult> SendAsync(OperatorWebhook webhook, string deliveryId, byte[] body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        long timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(EventHeader, "operator_alert");
        request.Headers.Add(DeliveryHeader, deliveryId);
        request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignatureHeader, Sign(webhook.Secret, timestamp, body));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        try
        {
            using HttpResponseMessage response = await http.SendAsync(request, limit.Token);
            int status = (int)response.StatusCode;
            return status is >= 200 and < 300
                ? ChannelSendResult.Sent(Provider, deliveryId)
                : ChannelSendResult.Rejected(Provider, $"http_{status}");
        }
        catch (HttpRequestException)
        {
            return ChannelSendResult.Rejected(Provider, "unreachable");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ChannelSendResult.Rejected(Provider, "timeout");
        }
    }
}
