using Azure;
using Azure.Data.Tables;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.Configuration;

namespace Dealix.Functions.Infrastructure.Storage;

/// <summary>
/// The kill switch (§17.8): durable and global in the <c>KillSwitch</c> table (partition <c>global</c>; a tenant's incident
/// freeze in partition <c>tenant</c>), and also forced on by the setting <c>KillSwitch__Paused=true</c>. Every pause and
/// resume keeps who and why.
/// </summary>
public sealed class TableKillSwitch(DealTables tables, IConfiguration configuration, TimeProvider clock) : IKillSwitch
{
    private const string Table = "KillSwitch";

    public async Task<bool> IsPausedAsync(string? tenantId = null, CancellationToken cancellationToken = default)
    {
        if (configuration.GetValue<bool>("KillSwitch:Paused"))
        {
            return true;
        }

        TableClient table = await tables.GetAsync(Table);
        if (await IsSetAsync(table, "global", "all", cancellationToken))
        {
            return true;
        }

        return tenantId is not null && await IsSetAsync(table, "tenant", tenantId, cancellationToken);
    }

    public async Task SetAsync(bool paused, string actor, string correlationId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        await table.UpsertEntityAsync(new TableEntity("global", "all")
        {
            ["Paused"] = paused,
            ["By"] = actor,
            ["CorrelationId"] = correlationId,
            ["At"] = clock.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);
    }

    private static async Task<bool> IsSetAsync(TableClient table, string partition, string row, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> entity = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return entity.HasValue && entity.Value!.GetBoolean("Paused") == true;
    }
}
