using System.Security.Cryptography;
using System.Text;

namespace Dealix.Functions.Infrastructure.Webhooks;

/// <summary>
/// Signature and shared-secret checks for provider webhooks (channels.md §1.4, §8): computed over the raw bytes
/// received, compared in constant time, never logged.
/// </summary>
public static class WebhookSignatures
{
    private const string Sha256Prefix = "sha256=";

    /// <summary>
    /// Verifies Meta's <c>X-Hub-Signature-256</c>: <c>sha256=</c> + lowercase hex of HMAC-SHA256(app secret, raw body).
    /// False for a missing, malformed or wrong signature.
    /// </summary>
    public static bool IsValidHubSignature(ReadOnlySpan<byte> rawBody, string? header, string appSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(appSecret);
        if (header is null || !header.StartsWith(Sha256Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Sha256Prefix.Length + 64)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Sha256Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        byte[] expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), rawBody);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The header value Meta would send for <paramref name="rawBody"/> (tests and fakes).</summary>
    public static string HubSignature(ReadOnlySpan<byte> rawBody, string appSecret) =>
        Sha256Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), rawBody));

    /// <summary>Compares a static secret (verify token, URL secret) in constant time, whatever the lengths.</summary>
    public static bool SecretEquals(string? given, string? expected)
    {
        if (string.IsNullOrEmpty(given) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
