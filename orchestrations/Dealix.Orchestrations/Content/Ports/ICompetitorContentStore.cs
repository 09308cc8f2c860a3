using Dealix.Orchestrations.Content.Contracts;

namespace Dealix.Orchestrations.Content.Ports;

/// <summary>Competitors' content a monitor reported, per tenant, once per URL.</summary>
public interface ICompetitorContentStore
{
    /// <summary>Records <paramref name="item"/> unless its URL is recorded; true when added.</summary>
    Task<bool> AddIfAbsentAsync(CompetitorItem item, CancellationToken cancellationToken = default);

    /// <summary>The items published in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    Task<IReadOnlyList<CompetitorItem>> ListAsync(string tenantId, DateTime from, DateTime to, CancellationToken cancellationToken = default);

    /// <summary>The distinct competitor names the tenant's items carry.</summary>
    Task<IReadOnlyList<string>> CompetitorNamesAsync(string tenantId, CancellationToken cancellationToken = default);
}
