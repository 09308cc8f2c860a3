using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Ports;

namespace Dealix.Functions.Infrastructure.Incidents;

/// <summary>
/// The tenant scope of the kill switch: the row <c>tenant</c>/<c>{tenant}</c> of the <c>KillSwitch</c> table that
/// <see cref="TableKillSwitch"/> already reads for a tenant. The row lists the incidents that hold a freeze;
/// <c>Paused</c> is true while the list is not empty. Updates are conditional on the row's ETag, so two incidents of
/// one tenant cannot overwrite each other's hold.
/// </summary>
public sealed class TableTenantFreeze(DealTables tables, TimeProvider clock) : ITenantFreeze
{
    private const string Table = "KillSwitch";
    private const string Partition = "tenant";

    public async Task<bool> SetAsync(FreezeTenantInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        TableClient table = await tables.GetAsync(Table);
        while (true)
        {
            NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, input.Tenant, cancellationToken: cancellationToken);
            List<string> holders = row.HasValue ? Holders(row.Value!) : [];
            holders.Remove(input.IncidentId);
            if (input.Frozen)
            {
                holders.Add(input.IncidentId);
            }

            var entity = new TableEntity(Partition, input.Tenant)
            {
                ["Paused"] = holders.Count > 0,
                ["Incidents"] = JsonSerializer.Serialize(holders),
                ["By"] = input.Actor,
                ["CorrelationId"] = input.CorrelationId,
                ["At"] = clock.GetUtcNow(),
            };
            try
            {
                if (row.HasValue)
                {
                    await table.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }

                return holders.Count > 0;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another incident of the tenant changed the row in between: read it again.
            }
        }
    }

    public async Task<IReadOnlyList<string>> HeldByAsync(string tenant, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, tenant, cancellationToken: cancellationToken);
        return row.HasValue ? Holders(row.Value!) : [];
    }

    private static List<string> Holders(TableEntity entity) =>
        entity.GetString("Incidents") is { Length: > 0 } json ? JsonSerializer.Deserialize<List<string>>(json) ?? [] : [];
}
