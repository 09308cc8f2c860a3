using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Functions.Infrastructure.Storage;

/// <summary>
/// The append-only audit ledger in the <c>AuditLedger</c> table: partition = tenant, row = entry id. Only inserts are
/// ever issued; an existing id is left as it is (a retried writer), so no line is ever edited.
/// </summary>
public sealed class TableAuditLedger(DealTables tables) : IAuditLedger
{
    private const string Table = "AuditLedger";

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        TableClient table = await tables.GetAsync(Table);
        var row = new TableEntity(entry.TenantId, entry.EntryId)
        {
            ["At"] = DateTime.SpecifyKind(entry.At, DateTimeKind.Utc),
            ["CorrelationId"] = entry.CorrelationId,
            ["Action"] = entry.Action,
            ["Data"] = JsonSerializer.Serialize(entry, StoredJson.Options),
        };
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already appended by an earlier attempt.
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string tenantId, string? correlationId = null, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        string filter = correlationId is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and CorrelationId eq {correlationId}");
        var entries = new List<(DateTimeOffset Stamp, AuditEntry Entry)>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            AuditEntry entry = JsonSerializer.Deserialize<AuditEntry>(row.GetString("Data"), StoredJson.Options)!;
            entries.Add((row.Timestamp ?? DateTimeOffset.MinValue, entry));
        }

        // Time order; lines written in the same instant keep the order the table stamped them in.
        return [.. entries.OrderBy(e => e.Entry.At).ThenBy(e => e.Stamp).Select(e => e.Entry)];
    }
}
