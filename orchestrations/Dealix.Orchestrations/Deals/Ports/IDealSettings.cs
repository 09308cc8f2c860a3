namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>Per-tenant settings the deal workflow reads (live-send flags, auto-reply opt-in, placeholders).</summary>
public interface IDealSettings
{
    /// <summary>The tenant's settings (defaults when the tenant has none: everything off).</summary>
    Task<DealSettings> GetAsync(string tenantId, CancellationToken cancellationToken = default);
}
