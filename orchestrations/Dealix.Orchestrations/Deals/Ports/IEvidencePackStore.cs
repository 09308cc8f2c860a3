using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>Immutable storage of evidence packs (§8.9), one per deal's closed_won.</summary>
public interface IEvidencePackStore
{
    /// <summary>Stores the pack unless the deal has one; returns the stored pack either way.</summary>
    Task<EvidencePack> SaveOnceAsync(EvidencePack pack, CancellationToken cancellationToken = default);

    /// <summary>The deal's pack, or null.</summary>
    Task<EvidencePack?> GetAsync(string tenantId, string dealId, CancellationToken cancellationToken = default);
}
