using Dealix.Orchestrations.Incidents.Contracts;

namespace Dealix.Orchestrations.Incidents.Ports;

/// <summary>
/// The tenant scope of the kill switch (§17.8, §13.2 step 1): an incident freezes its tenant's automated external
/// actions, read by <see cref="Deals.Ports.IKillSwitch.IsPausedAsync"/> for that tenant. Each incident holds its own
/// freeze; the tenant stays frozen while any incident holds one.
/// </summary>
public interface ITenantFreeze
{
    /// <summary>Engages or releases <paramref name="input"/>'s freeze; true when the tenant is frozen afterwards.</summary>
    Task<bool> SetAsync(FreezeTenantInput input, CancellationToken cancellationToken = default);

    /// <summary>The incidents that hold a freeze of the tenant (empty: not frozen by any incident).</summary>
    Task<IReadOnlyList<string>> HeldByAsync(string tenant, CancellationToken cancellationToken = default);
}
