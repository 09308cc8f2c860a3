using Dealix.Orchestrations.Incidents.Contracts;

namespace Dealix.Orchestrations.Incidents.Ports;

/// <summary>
/// The incident scope of the kill switch (§17.8, §13.2 step 1): an incident freezes its tenant's automated external
/// actions, or — SEV1, <see cref="FreezeTenantInput.Global"/> — every tenant's, read by
/// <see cref="Deals.Ports.IKillSwitch.IsPausedAsync"/> for a tenant. Each incident holds its own freeze; a tenant stays
/// frozen while any incident holds a freeze that covers it. Only the incident's release (the founder's unfreeze) lifts a
/// hold; the founder's kill-switch resume does not.
/// </summary>
public interface ITenantFreeze
{
    /// <summary>Engages or releases <paramref name="input"/>'s freeze; true when the tenant is frozen afterwards.</summary>
    Task<bool> SetAsync(FreezeTenantInput input, CancellationToken cancellationToken = default);

    /// <summary>The tenant's own incidents that hold a freeze, of the tenant or global (empty: none).</summary>
    Task<IReadOnlyList<string>> HeldByAsync(string tenant, CancellationToken cancellationToken = default);
}
