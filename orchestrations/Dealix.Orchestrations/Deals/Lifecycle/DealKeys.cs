using System.Security.Cryptography;
using System.Text;
using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Lifecycle;

/// <summary>
/// Deterministic ids from business keys. A deal's instance id is <c>deal:{tenantId}:{contactId}</c>, so a retried
/// webhook finds the same instance. The contact id is derived from the channel and the normalised address by hashing,
/// so that no number or address ever appears in an instance id, a log line or a URL.
/// </summary>
public static class DealKeys
{
    /// <summary>The longest tenant id accepted.</summary>
    public const int MaxTenantIdLength = 40;

    /// <summary>The deal instance id for a tenant and a contact; both are validated.</summary>
    /// <exception cref="ArgumentException">A part is empty, too long or has characters outside [A-Za-z0-9_-].</exception>
    public static string DealInstanceId(string tenantId, string contactId)
    {
        RequireKey(tenantId, nameof(tenantId), MaxTenantIdLength);
        RequireKey(contactId, nameof(contactId), 48);
        return $"deal:{tenantId}:{contactId}";
    }

    /// <summary>The instance id of the approval that watches one draft.</summary>
    public static string ApprovalInstanceId(string tenantId, string draftId)
    {
        RequireKey(tenantId, nameof(tenantId), MaxTenantIdLength);
        RequireKey(draftId, nameof(draftId), 48);
        return $"approval:{tenantId}:{draftId}";
    }

    /// <summary>
    /// The idempotency key of one activity call, made by the orchestrator and passed in the activity's input (the
    /// official activity context has no key of its own, so this holds on any engine). It is the same on every replay,
    /// because <paramref name="at"/> is the orchestration's <c>CurrentUtcDateTime</c> and <paramref name="step"/> names
    /// the call within the run; the time keeps apart two runs under a reused instance id. A retry re-sends the same
    /// input and so keeps the key. Name-based rather than from <c>NewGuid()</c>: a new <c>NewGuid()</c> call would
    /// shift the ids (drafts, correlations) that running instances have already recorded.
    /// </summary>
    public static string IdempotencyKey(string instanceId, DateTime at, string step)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(step);
        // Ticks, not a formatted or converted time: the value must not depend on DateTime.Kind or the machine's zone.
        string time = at.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "k" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{instanceId}|{time}|{step}")), 0, 16);
    }

    /// <summary>
    /// The contact id of an address on a channel: a prefix naming the channel and 24 hex digits of the SHA-256 of
    /// the tenant and the normalised address (digits only for numbers, lower case for e-mail).
    /// </summary>
    public static string ContactId(string tenantId, MessageChannel channel, string address)
    {
        RequireKey(tenantId, nameof(tenantId), MaxTenantIdLength);
        string normalised = NormaliseAddress(channel, address);
        if (normalised.Length == 0)
        {
            throw new ArgumentException("The address is empty.", nameof(address));
        }

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}|{channel}|{normalised}"));
        string prefix = channel switch
        {
            MessageChannel.WhatsApp => "wa",
            MessageChannel.Email => "em",
            MessageChannel.Sms => "sm",
            _ => "li",
        };
        return $"{prefix}-{Convert.ToHexStringLower(hash, 0, 12)}";
    }

    /// <summary>Digits only for phone numbers (no <c>+</c>, no <c>@c.us</c>); trimmed lower case for e-mail.</summary>
    public static string NormaliseAddress(MessageChannel channel, string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (channel is MessageChannel.WhatsApp or MessageChannel.Sms)
        {
            string local = address.Split('@')[0];
            var digits = new StringBuilder(local.Length);
            foreach (char c in local)
            {
                if (c is >= '0' and <= '9')
                {
                    digits.Append(c);
                }
            }

            string value = digits.ToString();
            return value.StartsWith("00", StringComparison.Ordinal) ? value[2..] : value;
        }

        return address.Trim().ToLowerInvariant();
    }

    /// <summary>True when <paramref name="value"/> is a usable key part.</summary>
    public static bool IsValidKey(string? value, int maxLength = 48) =>
        !string.IsNullOrEmpty(value) && value.Length <= maxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static void RequireKey(string value, string name, int maxLength)
    {
        if (!IsValidKey(value, maxLength))
        {
            throw new ArgumentException($"'{name}' must be 1–{maxLength} characters of A–Z, a–z, 0–9, '-' or '_'.", name);
        }
    }
}
