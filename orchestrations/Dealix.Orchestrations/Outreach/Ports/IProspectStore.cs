using Dealix.Orchestrations.Outreach.Contracts;

namespace Dealix.Orchestrations.Outreach.Ports;

/// <summary>The <c>Prospects</c> table: a tenant's leads for the daily pipeline (§10.1), written by the import route.</summary>
public interface IProspectStore
{
    /// <summary>Adds or replaces prospects (one tenant per call); keeps a prospect's last-contacted time.</summary>
    Task UpsertAsync(string tenantId, IReadOnlyList<Prospect> prospects, CancellationToken cancellationToken = default);

    /// <summary>Every prospect of a tenant.</summary>
    Task<IReadOnlyList<Prospect>> ListAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>One prospect, or null.</summary>
    Task<Prospect?> GetAsync(string tenantId, string prospectId, CancellationToken cancellationToken = default);

    /// <summary>Records that a prospect was drafted for at <paramref name="at"/>: it is not targeted again for 90 days.</summary>
    Task MarkContactedAsync(string tenantId, string prospectId, DateTime at, CancellationToken cancellationToken = default);

    /// <summary>The tenants that have imported prospects.</summary>
    Task<IReadOnlyList<string>> ListTenantsAsync(CancellationToken cancellationToken = default);
}
