using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Onboarding.Ports;

namespace Dealix.Orchestrations.Tests.Onboarding;

/// <summary>The <c>Connectors</c> table in memory, with the same read-decide-write contract.</summary>
public sealed class InMemoryConnectorStore : IConnectorStore
{
    private readonly Dictionary<(string, string, string), ConnectorRecord> _rows = [];
    private readonly Lock _lock = new();

    public Task<IReadOnlyList<ConnectorRecord>> ListAsync(string tenantId, string customerId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ConnectorRecord>>([.. _rows.Values.Where(r => r.TenantId == tenantId && r.CustomerId == customerId)]);
        }
    }

    public Task<ConnectorRecord?> UpdateAsync(string tenantId, string customerId, string connectorId, Func<ConnectorRecord?, ConnectorRecord?> change,
        CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            ConnectorRecord? current = _rows.GetValueOrDefault((tenantId, customerId, connectorId));
            if (change(current) is { } next)
            {
                _rows[(tenantId, customerId, connectorId)] = next;
                return Task.FromResult<ConnectorRecord?>(next);
            }

            return Task.FromResult(current);
        }
    }
}
