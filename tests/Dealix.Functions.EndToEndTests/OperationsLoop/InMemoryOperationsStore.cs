using System.Collections.Concurrent;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.OperationsLoop.Contracts;
using Dealix.Orchestrations.OperationsLoop.Ports;

namespace Dealix.Functions.EndToEndTests.OperationsLoop;

/// <summary>The operations store in memory, with the table store's semantics (a figure per metric and day; a post-mortem added once).</summary>
public sealed class InMemoryOperationsStore : IOperationsStore
{
    private readonly ConcurrentDictionary<(string Tenant, DateOnly Day, string Metric), MetricPoint> _metrics = new();

    public ConcurrentDictionary<(string Tenant, string Id), PostMortemDraft> PostMortems { get; } = new();

    public Task UpsertMetricAsync(string tenant, MetricPoint point, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(point);
        _metrics[(tenant, point.Day, point.Metric)] = point;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MetricPoint>> ListMetricsAsync(string tenant, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<MetricPoint>>([.. _metrics.Where(m => m.Key.Tenant == tenant && m.Key.Day >= from && m.Key.Day <= to)
            .OrderBy(m => m.Key.Day).ThenBy(m => m.Key.Metric, StringComparer.Ordinal).Select(m => m.Value)]);

    public Task<bool> AddPostMortemAsync(PostMortemDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Task.FromResult(PostMortems.TryAdd((draft.Tenant, draft.IncidentId), draft));
    }

    public Task<PostMortemDraft?> GetPostMortemAsync(string tenant, string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(PostMortems.TryGetValue((tenant, id), out PostMortemDraft? d) ? d : null);
}
