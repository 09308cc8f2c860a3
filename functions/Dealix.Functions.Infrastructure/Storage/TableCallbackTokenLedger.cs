using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Approvals;

namespace Dealix.Functions.Infrastructure.Storage;

/// <summary>Used callback token nonces in the <c>CallbackTokens</c> table (partition = tenant): an insert that conflicts
/// means the token was already redeemed.</summary>
public sealed class TableCallbackTokenLedger(DealTables tables) : ICallbackTokenLedger
{
    public async Task<bool> TryConsumeAsync(string tenantId, string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync("CallbackTokens");
        try
        {
            await table.AddEntityAsync(new TableEntity(tenantId, DealTables.HashKey(nonce)) { ["ExpiresAt"] = expiresAt }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }
}
