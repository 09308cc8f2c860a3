using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;

namespace Dealix.Functions.Infrastructure.Support;

/// <summary>The <c>Escalations</c> table: partition = tenant, row = SHA-256 of the escalation key; inserted once,
/// later only its <c>Alerted</c> flag is set.</summary>
public sealed class TableEscalationLedger(DealTables tables) : IEscalationLedger
{
    private const string Table = "Escalations";

    public async Task<bool> TryRecordAsync(EscalationRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        TableClient table = await tables.GetAsync(Table);
        try
        {
            await table.AddEntityAsync(new TableEntity(record.TenantId, DealTables.HashKey(record.Key))
            {
                ["Key"] = record.Key,
                ["SubjectId"] = record.SubjectId,
                ["Alerted"] = record.Alerted,
                ["Data"] = JsonSerializer.Serialize(record, StoredJson.Options),
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<EscalationRecord?> GetAsync(string tenantId, string key, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, DealTables.HashKey(key), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task MarkAlertedAsync(string tenantId, string key, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        await table.UpdateEntityAsync(new TableEntity(tenantId, DealTables.HashKey(key)) { ["Alerted"] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<IReadOnlyList<EscalationRecord>> ListAsync(string tenantId, string subjectId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        var rows = new List<EscalationRecord>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and SubjectId eq {subjectId}"), cancellationToken: cancellationToken))
        {
            rows.Add(FromEntity(row));
        }

        return [.. rows.OrderBy(r => r.RecordedAt)];
    }

    private static EscalationRecord FromEntity(TableEntity row) =>
        JsonSerializer.Deserialize<EscalationRecord>(row.GetString("Data"), StoredJson.Options)! with { Alerted = row.GetBoolean("Alerted") == true };
}
