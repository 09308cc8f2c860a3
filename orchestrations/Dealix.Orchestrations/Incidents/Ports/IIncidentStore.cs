using Dealix.Orchestrations.Incidents.Contracts;

namespace Dealix.Orchestrations.Incidents.Ports;

/// <summary>The <c>Incidents</c> table: one row per incident (tenant = partition), its state and post-mortem draft.</summary>
public interface IIncidentStore
{
    /// <summary>Writes the incident as it stands (last write wins: only its own orchestration writes it).</summary>
    Task SaveAsync(IncidentState state, PostMortemDraft? postMortem, CancellationToken cancellationToken = default);

    /// <summary>The incident, or null when this tenant has no such incident.</summary>
    Task<StoredIncident?> GetAsync(string tenant, string incidentId, CancellationToken cancellationToken = default);

    /// <summary>The tenant's incidents, newest detection first (at most <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<IncidentState>> ListAsync(string tenant, int limit = 50, CancellationToken cancellationToken = default);
}
