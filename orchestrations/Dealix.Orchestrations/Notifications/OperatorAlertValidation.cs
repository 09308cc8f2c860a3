namespace Dealix.Orchestrations.Notifications;

/// <summary>What makes an <see cref="OperatorAlert"/> acceptable: pure checks, no I/O.</summary>
public static class OperatorAlertValidation
{
    /// <summary>The longest title, body and idempotency key accepted.</summary>
    public const int MaxTitle = 200, MaxBody = 4000, MaxKey = 400;

    /// <summary>Null when <paramref name="alert"/> is valid, else the reason.</summary>
    public static string? Problem(OperatorAlert? alert)
    {
        if (alert is null)
        {
            return "The alert is missing.";
        }

        if (string.IsNullOrWhiteSpace(alert.Tenant) || alert.Tenant.Length > 64 || !alert.Tenant.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return "Tenant must be 1-64 letters, digits, '-' or '_'.";
        }

        if (string.IsNullOrWhiteSpace(alert.Kind) || alert.Kind.Length > 64 || !alert.Kind.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            return "Kind must be lowercase snake_case (e.g. approval_escalation).";
        }

        if (!OperatorAlertSeverity.IsValid(alert.Severity))
        {
            return "Severity must be info, warning or critical.";
        }

        if (string.IsNullOrWhiteSpace(alert.Title) || alert.Title.Length > MaxTitle)
        {
            return $"Title must be 1-{MaxTitle} characters.";
        }

        if (alert.Body is null || alert.Body.Length > MaxBody)
        {
            return $"Body must be at most {MaxBody} characters.";
        }

        if (string.IsNullOrWhiteSpace(alert.IdempotencyKey) || alert.IdempotencyKey.Length > MaxKey)
        {
            return $"IdempotencyKey must be 1-{MaxKey} characters.";
        }

        if (alert.OwnerRole is { } role && (role.Length is 0 or > 64 || !role.All(c => char.IsAsciiLetterLower(c) || c == '_')))
        {
            return "OwnerRole must be a lowercase role name (e.g. founder, team_lead, operator).";
        }

        if (alert.Link is { } link && !OperatorLinks.IsValid(link))
        {
            return "Link must be an absolute http(s) URL or an app path starting with '/'.";
        }

        return null;
    }
}
