using System.Net.Mail;

namespace Dealix.Functions.Infrastructure.Webhooks;

/// <summary>Small helpers over raw e-mail headers: unfolding, lookup, address extraction, automated-mail signals
/// (RFC 3834 and the common non-standard ones, channels.md §3.4).</summary>
public static class EmailHeaders
{
    /// <summary>Parses a raw header block (folded lines joined); later duplicates are kept after earlier ones.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? block)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(block))
        {
            return headers;
        }

        foreach (string line in block.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
            {
                KeyValuePair<string, string> last = headers[^1];
                headers[^1] = new(last.Key, last.Value + " " + line.Trim());
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return headers;
    }

    /// <summary>The first value of a header, case-insensitive.</summary>
    public static string? Get(IReadOnlyList<KeyValuePair<string, string>> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The bare address of <c>"Name &lt;addr&gt;"</c> (lower case), or null when unreadable.</summary>
    public static string? Address(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string first = value.Split(',')[0];
        return MailAddress.TryCreate(first.Trim(), out MailAddress? address) ? address.Address.ToLowerInvariant() : null;
    }

    /// <summary>The display name of <c>"Name &lt;addr&gt;"</c>, or null.</summary>
    public static string? DisplayName(string? value) =>
        !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value.Split(',')[0].Trim(), out MailAddress? address) && address.DisplayName.Length > 0
            ? address.DisplayName
            : null;

    /// <summary>True for auto-replies, notifications and list mail: never answered automatically.</summary>
    public static bool IsAutomated(IReadOnlyList<KeyValuePair<string, string>> headers, string? subject)
    {
        string? autoSubmitted = Get(headers, "Auto-Submitted");
        if (autoSubmitted is not null && !autoSubmitted.StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string? precedence = Get(headers, "Precedence");
        if (precedence is not null && (precedence.Contains("bulk", StringComparison.OrdinalIgnoreCase)
            || precedence.Contains("junk", StringComparison.OrdinalIgnoreCase) || precedence.Contains("list", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        string[] markers = ["X-Auto-Response-Suppress", "X-Autoreply", "X-Autorespond", "List-Id", "List-Unsubscribe"];
        if (markers.Any(m => Get(headers, m) is not null))
        {
            return true;
        }

        return subject is not null && (subject.StartsWith("Automatic reply", StringComparison.OrdinalIgnoreCase)
            || subject.StartsWith("Out of office", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True for delivery status notifications (bounces).</summary>
    public static bool IsBounce(IReadOnlyList<KeyValuePair<string, string>> headers, string? from)
    {
        string? contentType = Get(headers, "Content-Type");
        if (contentType is not null && contentType.Contains("multipart/report", StringComparison.OrdinalIgnoreCase)
            && contentType.Contains("delivery-status", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string sender = from ?? string.Empty;
        return sender.Contains("mailer-daemon", StringComparison.OrdinalIgnoreCase) || sender.StartsWith("postmaster@", StringComparison.OrdinalIgnoreCase);
    }
}
