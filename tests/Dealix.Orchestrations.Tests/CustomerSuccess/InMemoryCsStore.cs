using System.Collections.Concurrent;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Ports;

namespace Dealix.Orchestrations.Tests.CustomerSuccess;

/// <summary>A stateful in-memory customer-success store with the table store's semantics.</summary>
public sealed class InMemoryCsStore : ICustomerSuccessStore
{
    private readonly ConcurrentDictionary<(string, string), CsCustomer> _customers = new();
    private readonly ConcurrentDictionary<(string, string), HealthInputs> _inputs = new();
    private readonly ConcurrentDictionary<(string, string, DateOnly), CsScore> _scores = new();
    private readonly ConcurrentDictionary<(string, string, string), CsTouchpointRecord> _touchpoints = new();

    public IReadOnlyList<CsScore> Scores => [.. _scores.Values.OrderBy(s => s.Tenant, StringComparer.Ordinal).ThenBy(s => s.CustomerId, StringComparer.Ordinal)];

    public Task SaveCustomerAsync(CsCustomer customer, CancellationToken cancellationToken = default)
    {
        _customers[(customer.Tenant, customer.CustomerId)] = customer;
        return Task.CompletedTask;
    }

    public Task<CsCustomer?> GetCustomerAsync(string tenant, string customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_customers.TryGetValue((tenant, customerId), out CsCustomer? c) ? c : null);

    public Task<IReadOnlyList<CsCustomer>> ListCustomersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CsCustomer>>([.. _customers.Values.OrderBy(c => c.Tenant, StringComparer.Ordinal).ThenBy(c => c.CustomerId, StringComparer.Ordinal)]);

    public Task SaveHealthInputsAsync(string tenant, string customerId, HealthInputs inputs, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        _inputs[(tenant, customerId)] = inputs;
        return Task.CompletedTask;
    }

    public Task<HealthInputs?> GetHealthInputsAsync(string tenant, string customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_inputs.TryGetValue((tenant, customerId), out HealthInputs? i) ? i : null);

    public Task SaveScoreAsync(CsScore score, CancellationToken cancellationToken = default)
    {
        _scores[(score.Tenant, score.CustomerId, score.Day)] = score;
        return Task.CompletedTask;
    }

    public Task<CsScore?> GetLatestScoreAsync(string tenant, string customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_scores.Values.Where(s => s.Tenant == tenant && s.CustomerId == customerId).MaxBy(s => s.Day));

    public Task AddTouchpointsAsync(string tenant, string customerId, IReadOnlyList<CadenceTouchpoint> touchpoints, CancellationToken cancellationToken = default)
    {
        foreach (CadenceTouchpoint t in touchpoints)
        {
            _touchpoints.TryAdd((tenant, customerId, t.Key), new CsTouchpointRecord(tenant, customerId, t.Key, t.Item, t.Date, t.DueAt, "scheduled"));
        }

        return Task.CompletedTask;
    }

    public Task MarkHeldAsync(string tenant, string customerId, string key, string taskId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        _touchpoints.AddOrUpdate((tenant, customerId, key), _ => throw new InvalidOperationException($"No touchpoint {key}."),
            (_, r) => r with { Status = "held", TaskId = taskId, HeldAt = at });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CsTouchpointRecord>> ListTouchpointsAsync(string tenant, string customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CsTouchpointRecord>>([.. _touchpoints.Values.Where(t => t.Tenant == tenant && t.CustomerId == customerId).OrderBy(t => t.DueAt)]);

    public Task<IReadOnlyList<CsTouchpointRecord>> ListDueTouchpointsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CsTouchpointRecord>>([.. _touchpoints.Values.Where(t => t.DueAt >= from && t.DueAt < to)
            .OrderBy(t => t.Tenant, StringComparer.Ordinal).ThenBy(t => t.DueAt).ThenBy(t => t.CustomerId, StringComparer.Ordinal)]);
}
