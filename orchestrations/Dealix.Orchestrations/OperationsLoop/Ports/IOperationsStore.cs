using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.OperationsLoop.Contracts;

namespace Dealix.Orchestrations.OperationsLoop.Ports;

/// <summary>
/// The operations loop's store, tenant-scoped: the metric figures pushed by an uptime monitor, a finance export or a
/// tracker (one per metric and AST day; a second push replaces the first), and the uptime post-mortems it drafts.
/// </summary>
public interface IOperationsStore
{
    /// <summary>Stores the tenant's figure, replacing the same metric and day.</summary>
    Task UpsertMetricAsync(string tenant, MetricPoint point, CancellationToken cancellationToken = default);

    /// <summary>The tenant's figures dated in [<paramref name="from"/>, <paramref name="to"/>] (inclusive), by day then metric.</summary>
    Task<IReadOnlyList<MetricPoint>> ListMetricsAsync(string tenant, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Stores a post-mortem unless one with its id exists; true when this call stored it.</summary>
    Task<bool> AddPostMortemAsync(PostMortemDraft draft, CancellationToken cancellationToken = default);

    /// <summary>The tenant's post-mortem, or null (also when the id belongs to another tenant).</summary>
    Task<PostMortemDraft?> GetPostMortemAsync(string tenant, string id, CancellationToken cancellationToken = default);
}
