using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Webhooks;

namespace Dealix.Functions.Infrastructure.Storage;

/// <summary>Seen inbound message ids in the <c>InboundMessages</c> table (partition = provider, row = SHA-256 of the id,
/// since e-mail Message-IDs may hold characters row keys forbid). <c>HandedOver</c> is false from arrival until the deal
/// has the message; rows written before that column existed count as handed over.</summary>
public sealed class TableInboundDeduplicator(DealTables tables) : IInboundDeduplicator
{
    private const string HandedOver = "HandedOver";

    public async Task<bool> TryRecordAsync(string provider, string providerMessageId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync("InboundMessages");
        try
        {
            await table.AddEntityAsync(new TableEntity(provider, DealTables.HashKey(providerMessageId)) { [HandedOver] = false }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> IsHandedOverAsync(string provider, string providerMessageId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync("InboundMessages");
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(provider, DealTables.HashKey(providerMessageId), cancellationToken: cancellationToken);
        return !row.HasValue || row.Value!.GetBoolean(HandedOver) != false;
    }

    public async Task MarkHandedOverAsync(string provider, string providerMessageId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync("InboundMessages");
        await table.UpsertEntityAsync(new TableEntity(provider, DealTables.HashKey(providerMessageId)) { [HandedOver] = true }, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task ForgetAsync(string provider, string providerMessageId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync("InboundMessages");
        await table.DeleteEntityAsync(provider, DealTables.HashKey(providerMessageId), ETag.All, cancellationToken);
    }
}
