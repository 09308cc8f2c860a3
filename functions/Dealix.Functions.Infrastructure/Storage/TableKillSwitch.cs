using Azure;
using Azure.Data.Tables;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.Configuration;

namespace Dealix.Functions.Infrastructure.Storage;

/// <summary>
/// The kill switch (§17.8): durable and global in the <c>KillSwitch</c> table (row <c>global</c>/<c>all</c>), and also
/// forced on by the setting <c>KillSwitch__Paused=true</c>. Every pause and resume keeps who and why. For a tenant it also
/// reads the incident freezes (<see cref="Incidents.TableTenantFreeze"/>): the tenant's own (partition <c>tenant</c>) and
/// the SEV1 global freeze (row <c>global</c>/<c>incidents</c>), which halts every tenant's sends and charges. Without a
/// tenant (the loops' check) only the founder's pause counts: the sweeps that escalate to the people handling an
/// incident keep running through it.
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
        if (tenantId is null)
        {
            return await IsSetAsync(table, "global", "all", cancellationToken);
        }

        // One read of the global partition: the founder's pause and the SEV1 incidents' global freeze.
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(e => e.PartitionKey == "global", cancellationToken: cancellationToken))
        {
            if (row.RowKey is "all" or Incidents.TableTenantFreeze.GlobalRow && row.GetBoolean("Paused") == true)
            {
                return true;
            }
        }

        return await IsSetAsync(table, "tenant", tenantId, cancellationToken);
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
