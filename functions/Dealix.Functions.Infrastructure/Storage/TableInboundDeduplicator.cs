using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Webhooks;

namespace Dealix.Functions.Infrastructure.Storage;

/// <summary>Seen inbound message ids in the <c>InboundMessages</c> table (partition = provider, row = SHA-256 of the id,
/// since e-mail Message-IDs may hold characters row keys forbid).</summary>
public sealed class TableInboundDeduplicator(DealTables tables) : IInboundDeduplicator
{
    public async Task<bool> TryRecordAsync(string provider, string providerMessageId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync("InboundMessages");
        try
        {
            await table.AddEntityAsync(new TableEntity(provider, DealTables.HashKey(providerMessageId)), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task ForgetAsync(string provider, string providerMessageId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync("InboundMessages");
        await table.DeleteEntityAsync(provider, DealTables.HashKey(providerMessageId), ETag.All, cancellationToken);
    }
}
