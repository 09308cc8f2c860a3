using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Lifecycle;

/// <summary>
/// The compliance check of DOMAIN.md §10.3 for a contact who wrote to the tenant (the source is <c>inbound</c>, so
/// I3 and I4 hold): blocked when suppressed (opted out, bounced, complaint) or when an e-mail address is invalid;
/// warn for a free or personal e-mail domain (a manual channel is preferred); otherwise allowed.
/// </summary>
public static class ComplianceCheck
{
    /// <summary>Outcome values.</summary>
    public const string Allowed = "allowed";
    public const string Warn = "warn";
    public const string Blocked = "blocked";

    private static readonly HashSet<string> FreeDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "hotmail.com", "outlook.com", "live.com", "yahoo.com", "icloud.com", "me.com",
        "aol.com", "proton.me", "protonmail.com", "gmx.com", "yandex.com", "mail.com",
    };

    /// <summary>Checks one contact address; <paramref name="suppressionReason"/> is the suppression list's reason, if any.</summary>
    public static (string Outcome, IReadOnlyList<string> Reasons) Check(MessageChannel channel, string address, string? suppressionReason)
    {
        var reasons = new List<string>();
        if (suppressionReason is not null)
        {
            reasons.Add(suppressionReason == "unsubscribe" ? "opted_out" : suppressionReason);
            return (Blocked, reasons);
        }

        if (channel == MessageChannel.Email)
        {
            if (!IsValidEmail(address))
            {
                return (Blocked, ["invalid_email"]);
            }

            if (FreeDomains.Contains(address[(address.LastIndexOf('@') + 1)..]))
            {
                return (Warn, ["personal_email", "free_email_domain"]);
            }
        }

        return (Allowed, reasons);
    }

    /// <summary>A syntax check: one @, a non-empty local part, a dotted domain, no spaces.</summary>
    public static bool IsValidEmail(string address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Any(char.IsWhiteSpace))
        {
            return false;
        }

        int at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1)
        {
            return false;
        }

        string domain = address[(at + 1)..];
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}
