namespace Dealix.Orchestrations.Incidents.Rules;

/// <summary>
/// Deterministic ids of an incident: the instance <c>incident:{tenant}:{incidentId}</c> (a second open of the same
/// incident finds it), its plan tasks <c>{instanceId}:{step}</c> (a replayed create is idempotent).
/// </summary>
public static class IncidentKeys
{
    /// <summary>The longest incident id accepted.</summary>
    public const int MaxIncidentIdLength = 48;

    /// <summary>The longest tenant id accepted (the deal area's limit).</summary>
    public const int MaxTenantLength = 40;

    /// <summary>The prefix of every incident instance id.</summary>
    public const string Prefix = "incident:";

    /// <summary>The instance id of an incident; both parts are validated.</summary>
    /// <exception cref="ArgumentException">A part is empty, too long or has characters outside [A-Za-z0-9_-].</exception>
    public static string InstanceId(string tenant, string incidentId)
    {
        if (!IsValidKey(tenant, MaxTenantLength))
        {
            throw new ArgumentException("The tenant must be 1-40 letters, digits, '-' or '_'.", nameof(tenant));
        }

        if (!IsValidKey(incidentId, MaxIncidentIdLength))
        {
            throw new ArgumentException("The incident id must be 1-48 letters, digits, '-' or '_'.", nameof(incidentId));
        }

        return $"{Prefix}{tenant}:{incidentId}";
    }

    /// <summary>The id of a plan step's human task.</summary>
    public static string TaskId(string instanceId, string step) => $"{instanceId}:{step}";

    /// <summary>True for 1..<paramref name="maxLength"/> characters of [A-Za-z0-9_-].</summary>
    public static bool IsValidKey(string? value, int maxLength) =>
        !string.IsNullOrEmpty(value) && value.Length <= maxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
