using System.Text.RegularExpressions;
using Dealix.Orchestrations.SelfImprovement.Contracts;

namespace Dealix.Orchestrations.SelfImprovement.Rules;

/// <summary>
/// The red lines of DOMAIN.md §17.9 (Class C of §4.1) as code that refuses: automation never acts on money directly
/// (transfer, invest, pay, charge), never hires or fires, never suspends or ends contracts, never contacts the media
/// without a human's approval, and never stores, sends or prints credentials or secrets. An approval does not lift lines
/// 1–3 and 5: those are human-only, outside the automated path. Also refuses a Class B action without a correlation id
/// (§4.1 <c>missing_correlation_id</c>). Pure; <see cref="LoopGuard"/> consults it before every automatic action.
/// </summary>
public static partial class RedLines
{
    public const string Money = "red_line_money";
    public const string People = "red_line_people";
    public const string Contracts = "red_line_contracts";
    public const string Media = "red_line_media";
    public const string Secrets = "red_line_secrets";
    public const string MissingCorrelationId = "missing_correlation_id";

    private static readonly HashSet<string> MoneyActions = new(StringComparer.OrdinalIgnoreCase)
    {
        "transfer_money", "move_money", "invest", "pay_invoice", "payout", "refund", "charge_card", "live_charge", "wire_transfer",
    };

    private static readonly HashSet<string> PeopleActions = new(StringComparer.OrdinalIgnoreCase)
    {
        "hire", "fire", "offer_employment", "terminate_employee", "dismiss_employee",
    };

    private static readonly HashSet<string> ContractActions = new(StringComparer.OrdinalIgnoreCase)
    {
        "suspend_contract", "terminate_contract", "cancel_contract",
    };

    private static readonly HashSet<string> SecretActions = new(StringComparer.OrdinalIgnoreCase)
    {
        "store_credential", "store_secret", "log_secret",
    };

    /// <summary>Internal, reversible actions (Class A, §4.1) that may run without a correlation id.</summary>
    private static readonly HashSet<string> ClassA = new(StringComparer.OrdinalIgnoreCase)
    {
        "create_draft", "create_task", "open_issue", "build_report", "alert_operator", "schedule_social_draft", "create_ab_variant",
    };

    private static readonly string[] SecretNames =
        ["password", "passwd", "secret", "api_key", "apikey", "access_key", "access_token", "client_secret", "private_key", "connection_string", "token"];

    /// <summary>The red line <paramref name="action"/> crosses (a refusal), or null when it crosses none.</summary>
    public static Verdict? Check(AutomatedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        string name = action.Action;
        if (MoneyActions.Contains(name) || name.StartsWith("transfer", StringComparison.OrdinalIgnoreCase) || name.StartsWith("invest", StringComparison.OrdinalIgnoreCase))
        {
            return Verdict.Refused(Money, $"Red line 1 (§17.9): automation never acts on money directly ({name}); a person does it outside the automated path.");
        }

        if (PeopleActions.Contains(name))
        {
            return Verdict.Refused(People, $"Red line 2 (§17.9): automation never hires or fires ({name}).");
        }

        if (ContractActions.Contains(name))
        {
            return Verdict.Refused(Contracts, $"Red line 3 (§17.9): automation never suspends contracts ({name}).");
        }

        if ((string.Equals(action.Audience, "media", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "contact_media", StringComparison.OrdinalIgnoreCase))
            && string.IsNullOrWhiteSpace(action.ApprovedBy))
        {
            return Verdict.Refused(Media, "Red line 4 (§17.9): automation never contacts the media without a human's approval.");
        }

        string? where = SecretActions.Contains(name) ? name : CarriesSecret(action);
        if (where is not null)
        {
            return Verdict.Refused(Secrets, $"Red line 5 (§17.9): automation never stores or sends credentials or secrets ({where}); they live only in the secret store.");
        }

        if (string.IsNullOrWhiteSpace(action.CorrelationId) && !ClassA.Contains(name))
        {
            return Verdict.Refused(MissingCorrelationId, $"Class B action {name} has no correlation_id (§4.1); nothing was done.");
        }

        return null;
    }

    /// <summary>Where the action carries something that looks like a credential (never the value itself), or null.</summary>
    public static string? CarriesSecret(AutomatedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        foreach ((string key, string value) in action.Data ?? new Dictionary<string, string>())
        {
            string normalised = key.Replace("-", "_", StringComparison.Ordinal).ToLowerInvariant();
            if (SecretNames.Any(s => normalised == s || normalised.EndsWith("_" + s, StringComparison.Ordinal)) && !string.IsNullOrEmpty(value))
            {
                return $"data field {key}";
            }

            if (LooksLikeSecret(value))
            {
                return $"data field {key}";
            }
        }

        return action.Text is { } text && LooksLikeSecret(text) ? "text" : null;
    }

    /// <summary>True when <paramref name="text"/> holds a credential-shaped value (a private key, a storage account key,
    /// a provider API key, a bearer token, a password assignment).</summary>
    public static bool LooksLikeSecret(string? text) => !string.IsNullOrEmpty(text) && SecretPattern().IsMatch(text);

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----|AccountKey=[A-Za-z0-9+/=]{20,}|SharedAccessSignature=|\bsk_(live|test)_[A-Za-z0-9]{10,}|\bsk-[A-Za-z0-9_-]{20,}|\bAKIA[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{20,}|\bxox[abprs]-[A-Za-z0-9-]{10,}|\bBearer\s+[A-Za-z0-9._~+/=-]{20,}|\b(password|passwd|pwd|api[_-]?key|client[_-]?secret)\s*[:=]\s*\S{4,}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SecretPattern();
}
