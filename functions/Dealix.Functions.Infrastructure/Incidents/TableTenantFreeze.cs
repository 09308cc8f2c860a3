using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Ports;

namespace Dealix.Functions.Infrastructure.Incidents;

/// <summary>
/// The incident scope of the kill switch in the <c>KillSwitch</c> table that <see cref="TableKillSwitch"/> reads: a
/// tenant freeze is the row <c>tenant</c>/<c>{tenant}</c> listing the incidents that hold it; a global (SEV1) freeze is
/// the row <see cref="GlobalPartition"/>/<see cref="GlobalRow"/> listing <c>{tenant}:{incidentId}</c>. <c>Paused</c> is
/// true while a row's list is not empty. The founder's own pause (<c>global</c>/<c>all</c>) is another row: resuming it
/// lifts no incident's hold. Updates are conditional on the row's ETag, so two incidents cannot overwrite each other's
/// hold; a release removes the incident's hold from both rows.
/// </summary>
public sealed class TableTenantFreeze(DealTables tables, TimeProvider clock) : ITenantFreeze
{
    /// <summary>The partition and row of the global incident freeze (read by <see cref="TableKillSwitch"/>).</summary>
    public const string GlobalPartition = "global", GlobalRow = "incidents";

    private const string Table = "KillSwitch";
    private const string Partition = "tenant";

    public async Task<bool> SetAsync(FreezeTenantInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        TableClient table = await tables.GetAsync(Table);
        string globalHold = GlobalHold(input.Tenant, input.IncidentId);
        int tenantHolds = await UpdateAsync(table, Partition, input.Tenant, input.IncidentId, input.Frozen && !input.Global, input, cancellationToken);
        int globalHolds = await UpdateAsync(table, GlobalPartition, GlobalRow, globalHold, input.Frozen && input.Global, input, cancellationToken);
        return tenantHolds > 0 || globalHolds > 0;
    }

    public async Task<IReadOnlyList<string>> HeldByAsync(string tenant, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> own = await table.GetEntityIfExistsAsync<TableEntity>(Partition, tenant, cancellationToken: cancellationToken);
        NullableResponse<TableEntity> global = await table.GetEntityIfExistsAsync<TableEntity>(GlobalPartition, GlobalRow, cancellationToken: cancellationToken);
        string prefix = tenant + ":";
        return [.. (own.HasValue ? Holders(own.Value!) : [])
            .Concat((global.HasValue ? Holders(global.Value!) : []).Where(h => h.StartsWith(prefix, StringComparison.Ordinal)).Select(h => h[prefix.Length..]))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The incidents of every tenant that hold the global freeze, as <c>{tenant}:{incidentId}</c>.</summary>
    public async Task<IReadOnlyList<string>> GlobalHoldsAsync(CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> global = await table.GetEntityIfExistsAsync<TableEntity>(GlobalPartition, GlobalRow, cancellationToken: cancellationToken);
        return global.HasValue ? Holders(global.Value!) : [];
    }

    /// <summary>Adds or removes <paramref name="hold"/> in one row; returns how many holds the row has afterwards.</summary>
    private async Task<int> UpdateAsync(TableClient table, string partition, string row, string hold, bool held, FreezeTenantInput input,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            NullableResponse<TableEntity> current = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            List<string> holders = current.HasValue ? Holders(current.Value!) : [];
            if (holders.Contains(hold) == held)
            {
                return holders.Count; // nothing to change (a retry, or a release of a hold this row never had)
            }

            holders.Remove(hold);
            if (held)
            {
                holders.Add(hold);
            }

            var entity = new TableEntity(partition, row)
            {
                ["Paused"] = holders.Count > 0,
                ["Incidents"] = JsonSerializer.Serialize(holders),
                ["By"] = input.Actor,
                ["CorrelationId"] = input.CorrelationId,
                ["At"] = clock.GetUtcNow(),
            };
            try
            {
                if (current.HasValue)
                {
                    await table.UpdateEntityAsync(entity, current.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }

                return holders.Count;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another incident changed the row in between: read it again.
            }
        }
    }

    private static string GlobalHold(string tenant, string incidentId) => $"{tenant}:{incidentId}";

    private static List<string> Holders(TableEntity entity) =>
        entity.GetString("Incidents") is { Length: > 0 } json ? JsonSerializer.Deserialize<List<string>>(json) ?? [] : [];
}
