using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Sla.Rules;
using Dealix.Orchestrations.Support.Ports;

namespace Dealix.Functions.Infrastructure.Support;

/// <summary>
/// The append-only SLA log (§12.1) in the <c>SlaEvents</c> table: partition = tenant, row = <c>{ticketId}|{sequence}</c>.
/// An append reads the ticket's events, validates the new one against them and inserts the next sequence number; two
/// concurrent appends cannot both take the same number (insert, never upsert), so the loser re-reads and re-validates.
/// Each row keeps the idempotency key it was appended under: the same key again appends nothing.
/// </summary>
public sealed class TableSlaLogStore(DealTables tables) : ISlaLogStore
{
    private const string Table = "SlaEvents";
    private const int Attempts = 5;

    public async Task<IReadOnlyList<SlaEvent>> ReadAsync(string tenantId, string ticketId, CancellationToken cancellationToken = default) =>
        [.. (await ReadRowsAsync(tenantId, ticketId, cancellationToken)).Select(r => r.Event)];

    public async Task<SlaEventValidation> AppendAsync(SlaEvent slaEvent, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slaEvent);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        TableClient table = await tables.GetAsync(Table);
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            List<(SlaEvent Event, string Key)> rows = await ReadRowsAsync(slaEvent.TenantId, slaEvent.TicketId, cancellationToken);
            if (rows.Any(r => r.Key == idempotencyKey))
            {
                return SlaEventValidation.Ok; // appended by an earlier attempt
            }

            SlaEventValidation validation = SlaLog.Validate([.. rows.Select(r => r.Event)], slaEvent);
            if (!validation.Accepted)
            {
                return validation;
            }

            try
            {
                await table.AddEntityAsync(new TableEntity(slaEvent.TenantId, RowKey(slaEvent.TicketId, rows.Count))
                {
                    ["TicketId"] = slaEvent.TicketId,
                    ["EventType"] = SlaLog.WireName(slaEvent.EventType),
                    ["OccurredAt"] = DateTime.SpecifyKind(slaEvent.OccurredAt, DateTimeKind.Utc),
                    ["Key"] = idempotencyKey,
                    ["Data"] = JsonSerializer.Serialize(slaEvent, StoredJson.Options),
                }, cancellationToken);
                return validation;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Another writer took this sequence number: read again and validate against its event too.
            }
        }

        return SlaEventValidation.Reject("concurrent_append", "The ticket's SLA log kept changing; try again.");
    }

    public async Task<IReadOnlyList<IReadOnlyList<SlaEvent>>> ReadTenantAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        var rows = new List<(string RowKey, SlaEvent Event)>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"),
            cancellationToken: cancellationToken))
        {
            rows.Add((row.RowKey, Deserialize(row)));
        }

        return [.. rows.GroupBy(r => r.Event.TicketId, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<SlaEvent>)[.. g.OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => r.Event)])];
    }

    private async Task<List<(SlaEvent Event, string Key)>> ReadRowsAsync(string tenantId, string ticketId, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync(Table);
        string from = ticketId + "|";
        string to = ticketId + "}";
        var rows = new List<(string RowKey, SlaEvent Event, string Key)>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {from} and RowKey lt {to}"), cancellationToken: cancellationToken))
        {
            rows.Add((row.RowKey, Deserialize(row), row.GetString("Key") ?? string.Empty));
        }

        return [.. rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => (r.Event, r.Key))];
    }

    private static string RowKey(string ticketId, int sequence) => $"{ticketId}|{sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)}";

    private static SlaEvent Deserialize(TableEntity row)
    {
        SlaEvent e = JsonSerializer.Deserialize<SlaEvent>(row.GetString("Data"), StoredJson.Options)!;
        return e with { OccurredAt = DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc) };
    }
}
