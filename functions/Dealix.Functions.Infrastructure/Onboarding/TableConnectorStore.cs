using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Onboarding.Ports;

namespace Dealix.Functions.Infrastructure.Onboarding;

/// <summary>
/// Customers' connectors in the <c>Connectors</c> table: partition = tenant, row = <c>{customerId}:{connectorId}</c>, the
/// record as JSON plus its state as a column. Updates are conditional on the row's ETag (or on its absence), so of two
/// racing transitions from one state only one applies; the other is re-decided against the new state.
/// </summary>
public sealed class TableConnectorStore(DealTables tables) : IConnectorStore
{
    private const string Table = "Connectors";

    public async Task<IReadOnlyList<ConnectorRecord>> ListAsync(string tenantId, string customerId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        string from = customerId + ":";
        string to = customerId + ";"; // ';' sorts right after ':'
        var rows = new List<ConnectorRecord>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {from} and RowKey lt {to}");
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(FromEntity(row));
        }

        return rows;
    }

    public async Task<ConnectorRecord?> UpdateAsync(string tenantId, string customerId, string connectorId, Func<ConnectorRecord?, ConnectorRecord?> change,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        TableClient table = await tables.GetAsync(Table);
        string rowKey = $"{customerId}:{connectorId}";
        for (int attempt = 0; attempt < 10; attempt++)
        {
            NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, rowKey, cancellationToken: cancellationToken);
            ConnectorRecord? current = row.HasValue ? FromEntity(row.Value!) : null;
            if (change(current) is not { } next)
            {
                return current;
            }

            var entity = new TableEntity(tenantId, rowKey)
            {
                ["State"] = next.State,
                ["CustomerId"] = customerId,
                ["Data"] = JsonSerializer.Serialize(next, StoredJson.Options),
            };
            try
            {
                if (row.HasValue)
                {
                    await table.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }

                return next;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Changed (or created) meanwhile: read again and decide against what is stored now.
            }
        }

        throw new InvalidOperationException($"Connector {connectorId} of {customerId} kept changing under ten conditional updates.");
    }

    private static ConnectorRecord FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<ConnectorRecord>(entity.GetString("Data"), StoredJson.Options)
        ?? throw new InvalidOperationException($"Connector row {entity.RowKey} holds no record.");
}
