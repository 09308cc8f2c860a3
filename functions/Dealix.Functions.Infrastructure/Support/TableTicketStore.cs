using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;

namespace Dealix.Functions.Infrastructure.Support;

/// <summary>The <c>Tickets</c> table: partition = tenant, row = ticket id; the ticket as JSON plus the columns the
/// list and the sweep filter on (<c>Status</c>, <c>Priority</c>, <c>OpenedAt</c>).</summary>
public sealed class TableTicketStore(DealTables tables) : ITicketStore
{
    private const string Table = "Tickets";

    public async Task<bool> CreateAsync(SupportTicket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        TableClient table = await tables.GetAsync(Table);
        try
        {
            await table.AddEntityAsync(ToEntity(ticket), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false; // an earlier attempt stored it
        }
    }

    public async Task<SupportTicket?> GetAsync(string tenantId, string ticketId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, ticketId, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task SaveAsync(SupportTicket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        TableClient table = await tables.GetAsync(Table);
        await table.UpsertEntityAsync(ToEntity(ticket), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<SupportTicket>> ListAsync(string tenantId, string? status = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        string filter = status is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and Status eq {status}");
        var rows = new List<SupportTicket>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(FromEntity(row));
        }

        return [.. rows.OrderByDescending(t => t.OpenedAt).Take(limit)];
    }

    public async Task<IReadOnlyList<SupportTicket>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        var rows = new List<SupportTicket>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Status eq {"open"}"), cancellationToken: cancellationToken))
        {
            rows.Add(FromEntity(row));
        }

        return rows;
    }

    private static TableEntity ToEntity(SupportTicket ticket) => new(ticket.TenantId, ticket.TicketId)
    {
        ["Status"] = ticket.Status,
        ["Priority"] = ticket.Priority.ToString(),
        ["OpenedAt"] = DateTime.SpecifyKind(ticket.OpenedAt, DateTimeKind.Utc),
        ["CorrelationId"] = ticket.CorrelationId,
        ["Data"] = JsonSerializer.Serialize(ticket, StoredJson.Options),
    };

    private static SupportTicket FromEntity(TableEntity row) => JsonSerializer.Deserialize<SupportTicket>(row.GetString("Data"), StoredJson.Options)!;
}
