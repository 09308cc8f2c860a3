namespace Dealix.Orchestrations.Deals.Connectors.Ports;

/// <summary>
/// The providers behind a deal's connector actions, over HTTP: the tenant's calendar (Google Calendar API v3) and CRM
/// (HubSpot CRM v3). Each call carries the action's idempotency key as the provider's own key (the calendar event id,
/// the CRM's unique property), so a retried call finds what the first one made.
/// </summary>
public interface IDealConnectorGateway
{
    /// <summary>True when live execution of connector actions is switched on (I2: the environment flag).</summary>
    bool LiveExecute { get; }

    /// <summary>Inserts the meeting's calendar event; returns the provider's event id.</summary>
    /// <exception cref="ConnectorRejectedException">The provider refused the request permanently (4xx other than a duplicate).</exception>
    Task<string> InsertCalendarEventAsync(CalendarEventRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates or updates the deal in the CRM by its Dealix id; returns the CRM's record id.</summary>
    /// <exception cref="ConnectorRejectedException">The provider refused the request permanently.</exception>
    Task<string> UpsertCrmDealAsync(CrmDealUpsert request, CancellationToken cancellationToken = default);
}
