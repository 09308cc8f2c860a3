using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Outreach.Ports;

namespace Dealix.Functions.Infrastructure.Outreach;

/// <summary>
/// WhatsApp opt-in records (§7.4) in the <c>WhatsAppOptIns</c> table: partition = tenant, row = SHA-256 of the tenant
/// and the normalised number (the number itself is not a key). The first record of a number is kept.
/// </summary>
public sealed class TableWhatsAppOptIns(DealTables tables) : IWhatsAppOptIns
{
    private const string Table = "WhatsAppOptIns";

    public async Task<WhatsAppOptInRecord?> FindAsync(string tenantId, string phone, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, Key(tenantId, phone), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        TableEntity e = row.Value!;
        return new WhatsAppOptInRecord(tenantId, e.GetString("ContactId"), phone, e.GetString("Source"), e.GetDateTimeOffset("CapturedAt")!.Value.UtcDateTime,
            e.GetString("WordingShown"), e.GetString("EvidenceRef"));
    }

    public async Task AddAsync(WhatsAppOptInRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        TableClient table = await tables.GetAsync(Table);
        try
        {
            await table.AddEntityAsync(new TableEntity(record.TenantId, Key(record.TenantId, record.Phone))
            {
                ["ContactId"] = record.ContactId,
                ["Channel"] = "whatsapp",
                ["Source"] = record.Source,
                ["CapturedAt"] = DateTime.SpecifyKind(record.CapturedAt, DateTimeKind.Utc),
                ["WordingShown"] = record.WordingShown,
                ["EvidenceRef"] = record.EvidenceRef,
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded before: the first record is the evidence.
        }
    }

    private static string Key(string tenantId, string phone) =>
        DealTables.HashKey(tenantId + "|" + DealKeys.NormaliseAddress(MessageChannel.WhatsApp, phone));
}
