namespace Dealix.Functions.Infrastructure.DealConnectors;

/// <summary>
/// Settings section <c>DealConnectors</c>: the providers behind a deal's connector actions and the live flag. Tokens are
/// secrets (a secret store in Azure, never in a committed file).
/// </summary>
public sealed class DealConnectorOptions
{
    public const string Section = "DealConnectors";

    /// <summary>I2's environment flag: without it an approved calendar insert or CRM write is never executed (a person
    /// does it by hand instead). Off by default.</summary>
    public bool LiveExecute { get; set; }

    /// <summary>Google Calendar API v3 base URL.</summary>
    public string CalendarBaseUrl { get; set; } = "https://www.googleapis.com";

    /// <summary>The calendar the meetings go into (<c>primary</c>: the connected account's own).</summary>
    public string CalendarId { get; set; } = "primary";

    /// <summary>A secret: the OAuth access token of the connected calendar (scope <c>calendar.events</c>).</summary>
    public string CalendarAccessToken { get; set; } = string.Empty;

    /// <summary>HubSpot API base URL.</summary>
    public string CrmBaseUrl { get; set; } = "https://api.hubapi.com";

    /// <summary>A secret: the CRM's private-app access token (scope <c>crm.objects.deals.write</c>).</summary>
    public string CrmAccessToken { get; set; } = string.Empty;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
