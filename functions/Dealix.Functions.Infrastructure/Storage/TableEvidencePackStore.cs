using Azure;
using Azure.Data.Tables;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Functions.Infrastructure.Storage;

/// <summary>Evidence packs in the <c>EvidencePacks</c> table: partition = tenant, row = deal; insert-only, so a pack is
/// immutable once stored and a retry gets the stored one back.</summary>
public sealed class TableEvidencePackStore(DealTables tables) : IEvidencePackStore
{
    private const string Table = "EvidencePacks";

    public async Task<EvidencePack> SaveOnceAsync(EvidencePack pack, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pack);
        TableClient table = await tables.GetAsync(Table);
        try
        {
            await table.AddEntityAsync(new TableEntity(pack.TenantId, DealTables.HashKey(pack.DealId))
            {
                ["EvidencePackId"] = pack.EvidencePackId,
                ["DealId"] = pack.DealId,
                ["CorrelationId"] = pack.CorrelationId,
                ["CreatedAt"] = DateTime.SpecifyKind(pack.CreatedAt, DateTimeKind.Utc),
                ["CanonicalJson"] = pack.CanonicalJson,
                ["Sha256"] = pack.Sha256,
            }, cancellationToken);
            return pack;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (await GetAsync(pack.TenantId, pack.DealId, cancellationToken))!;
        }
    }

    public async Task<EvidencePack?> GetAsync(string tenantId, string dealId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, DealTables.HashKey(dealId), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        TableEntity e = row.Value!;
        return new EvidencePack(e.GetString("EvidencePackId"), tenantId, e.GetString("DealId"), e.GetString("CorrelationId"),
            e.GetDateTimeOffset("CreatedAt")!.Value.UtcDateTime, e.GetString("CanonicalJson"), e.GetString("Sha256"));
    }
}
