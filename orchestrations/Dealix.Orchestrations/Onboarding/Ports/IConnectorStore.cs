using Dealix.Orchestrations.Onboarding.Contracts;

namespace Dealix.Orchestrations.Onboarding.Ports;

/// <summary>
/// The <c>Connectors</c> table: one row per customer and connector, partitioned by tenant. Updates are conditional on
/// the stored version, so two racing changes cannot both apply from the same state.
/// </summary>
public interface IConnectorStore
{
    /// <summary>The stored rows of one customer (connectors never written are absent).</summary>
    Task<IReadOnlyList<ConnectorRecord>> ListAsync(string tenantId, string customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the connector (null when never written), lets <paramref name="change"/> decide the new row (null: change
    /// nothing), and writes it only if the row did not change meanwhile; re-reads and re-decides otherwise.
    /// </summary>
    Task<ConnectorRecord?> UpdateAsync(string tenantId, string customerId, string connectorId, Func<ConnectorRecord?, ConnectorRecord?> change,
        CancellationToken cancellationToken = default);
}
