using Dealix.Orchestrations.Incidents.Contracts;

namespace Dealix.Orchestrations.Incidents.Rules;

/// <summary>
/// What makes an <see cref="IncidentOpenRequest"/> acceptable, whoever opens the incident (route, uptime rule, P0
/// ticket), and the uptime rule of §17.4 (7-day uptime below 99.5 % opens an incident). Pure.
/// </summary>
public static class IncidentRequests
{
    /// <summary>The uptime threshold of §17.4, in percent.</summary>
    public const double UptimeThresholdPercent = 99.5;

    /// <summary>Limits on free text.</summary>
    public const int MaxTitle = 200, MaxDescription = 4000, MaxScope = 200, MaxActor = 64, MaxAffected = 100_000;

    /// <summary>Null when <paramref name="request"/> is valid at <paramref name="nowUtc"/>, else the reason.</summary>
    public static string? Problem(IncidentOpenRequest? request, DateTime nowUtc)
    {
        if (request is null)
        {
            return "The incident request is missing.";
        }

        if (!IncidentKeys.IsValidKey(request.Tenant, IncidentKeys.MaxTenantLength))
        {
            return "tenant must be 1-40 letters, digits, '-' or '_'.";
        }

        if (!IncidentKeys.IsValidKey(request.IncidentId, IncidentKeys.MaxIncidentIdLength))
        {
            return "incident_id must be 1-48 letters, digits, '-' or '_'.";
        }

        if (!IncidentSources.All.Contains(request.Source))
        {
            return $"source must be one of: {string.Join(", ", IncidentSources.All)}.";
        }

        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > MaxTitle)
        {
            return $"title is required (at most {MaxTitle} characters).";
        }

        if (request.AffectedCustomers is < 0 or > MaxAffected)
        {
            return $"affected_customers must be 0-{MaxAffected}.";
        }

        if (request.Description is { Length: > MaxDescription })
        {
            return $"description must be at most {MaxDescription} characters.";
        }

        if (request.Scope is { Length: > MaxScope })
        {
            return $"scope must be at most {MaxScope} characters.";
        }

        if (request.DetectedAt == default || request.DetectedAt > nowUtc.AddMinutes(5) || request.DetectedAt < nowUtc.AddDays(-30))
        {
            return "detected_at must be a UTC time within the last 30 days, not in the future.";
        }

        if (string.IsNullOrWhiteSpace(request.CorrelationId) || request.CorrelationId.Length > 128)
        {
            return "A correlation id is required (at most 128 characters).";
        }

        if (string.IsNullOrWhiteSpace(request.OpenedBy) || request.OpenedBy.Length > MaxActor)
        {
            return $"opened_by is required (at most {MaxActor} characters).";
        }

        if (request.TicketId is { } ticket && !IncidentKeys.IsValidKey(ticket, 128))
        {
            return "ticket_id must be letters, digits, '-' or '_'.";
        }

        if (request.CustomerEmail is { } email && (email.Length > 254 || email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@')
            || email.Any(char.IsWhiteSpace)))
        {
            return "customer_email is not an e-mail address.";
        }

        return null;
    }

    /// <summary>True when a 7-day uptime (percent) breaks the §17.4 rule.</summary>
    public static bool UptimeBreached(double uptimePercent7d) => uptimePercent7d < UptimeThresholdPercent;

    /// <summary>
    /// The incident the uptime rule opens: one per tenant and AST day of measurement (<c>uptime-YYYYMMDD</c>), so a
    /// check repeated the same day finds the same incident. Severity by the usual triage (no leak, no unauthorised send).
    /// </summary>
    public static IncidentOpenRequest Uptime(string tenant, double uptimePercent7d, int affectedCustomers, DateTime measuredAtUtc, string correlationId, string openedBy) =>
        new(tenant, $"uptime-{measuredAtUtc.AddHours(3):yyyyMMdd}", IncidentSources.Uptime,
            $"7-day uptime {uptimePercent7d.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}% is below {UptimeThresholdPercent}%",
            HasDataLeak: false, HasUnauthorizedSend: false, affectedCustomers, "System health: the 7-day uptime fell below the threshold (§17.4).",
            PersonalDataExposed: false, measuredAtUtc, correlationId, openedBy);
}
