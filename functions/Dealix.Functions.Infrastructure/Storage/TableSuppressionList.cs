using Azure;
using Azure.Data.Tables;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Functions.Infrastructure.Storage;

/// <summary>
/// The suppression list in the <c>Suppression</c> table: partition = tenant, row = channel + SHA-256 of the normalised
/// address, so the list can be checked without storing the number or address itself. The first record wins.
/// </summary>
public sealed class TableSuppressionList(DealTables tables) : ISuppressionList
{
    private const string Table = "Suppression";

    public async Task<SuppressionRecord?> FindAsync(string tenantId, MessageChannel channel, string address, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, Key(tenantId, channel, address), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        TableEntity e = row.Value!;
        return new SuppressionRecord(tenantId, channel, address, e.GetString("Reason"), e.GetDateTimeOffset("At")!.Value.UtcDateTime,
            e.GetString("SourceMessageId"), e.GetString("CorrelationId"));
    }

    public async Task AddAsync(SuppressionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        TableClient table = await tables.GetAsync(Table);
        try
        {
            await table.AddEntityAsync(new TableEntity(record.TenantId, Key(record.TenantId, record.Channel, record.Address))
            {
                ["Channel"] = TableDraftStore.Wire(record.Channel),
                ["Reason"] = record.Reason,
                ["At"] = DateTime.SpecifyKind(record.At, DateTimeKind.Utc),
                ["SourceMessageId"] = record.SourceMessageId,
                ["CorrelationId"] = record.CorrelationId,
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already suppressed: the first reason and time are kept.
        }
    }

    private static string Key(string tenantId, MessageChannel channel, string address) =>
        $"{TableDraftStore.Wire(channel)}-{DealTables.HashKey(tenantId + "|" + DealKeys.NormaliseAddress(channel, address))}";
}
