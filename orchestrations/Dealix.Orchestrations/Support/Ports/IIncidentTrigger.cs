using Dealix.Orchestrations.Incidents.Contracts;

namespace Dealix.Orchestrations.Support.Ports;

/// <summary>
/// The seam to incident response (§11.2 P0 auto-actions, §13): a P0 ticket opens its incident through this port. The app
/// starts the incident orchestration under <c>incident:{tenant}:{incidentId}</c> (the id is the ticket's, see
/// <see cref="Rules.TicketIncidents"/>), or finds it already open, so a retry opens one incident.
/// </summary>
public interface IIncidentTrigger
{
    /// <summary>Opens the incident unless it is open already; true when it is open afterwards.</summary>
    Task<bool> OpenAsync(IncidentOpenRequest request, CancellationToken cancellationToken = default);
}
