using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Ports;

namespace Dealix.Functions.Infrastructure.Outreach;

/// <summary>
/// Prospects in the <c>Prospects</c> table (partition = tenant, row = prospect id, the record as JSON) and the tenants
/// that have any in <c>ProspectTenants</c> (partition <c>tenants</c>, row = tenant id), so the scheduled jobs find them
/// without scanning.
/// </summary>
public sealed class TableProspectStore(DealTables tables) : IProspectStore
{
    private const string Table = "Prospects";
    private const string TenantsTable = "ProspectTenants";

    public async Task UpsertAsync(string tenantId, IReadOnlyList<Prospect> prospects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prospects);
        TableClient table = await tables.GetAsync(Table);
        foreach (Prospect prospect in prospects)
        {
            if (prospect.TenantId != tenantId)
            {
                throw new ArgumentException("Every prospect must belong to the tenant of the call.", nameof(prospects));
            }

            // An import never forgets that a prospect was contacted (the 90-day rule of §10.1).
            Prospect? stored = await GetAsync(tenantId, prospect.ProspectId, cancellationToken);
            Prospect row = stored?.LastContactedAt is { } contacted && (prospect.LastContactedAt is null || prospect.LastContactedAt < contacted)
                ? prospect with { LastContactedAt = contacted }
                : prospect;
            await table.UpsertEntityAsync(ToEntity(row), TableUpdateMode.Replace, cancellationToken);
        }

        TableClient tenants = await tables.GetAsync(TenantsTable);
        await tenants.UpsertEntityAsync(new TableEntity("tenants", tenantId), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<Prospect>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        var prospects = new List<Prospect>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"), cancellationToken: cancellationToken))
        {
            prospects.Add(FromEntity(row));
        }

        return prospects;
    }

    public async Task<Prospect?> GetAsync(string tenantId, string prospectId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, prospectId, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task MarkContactedAsync(string tenantId, string prospectId, DateTime at, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        for (int attempt = 0; attempt < 10; attempt++)
        {
            NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, prospectId, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return;
            }

            Prospect prospect = FromEntity(row.Value!);
            if (prospect.LastContactedAt >= at)
            {
                return;
            }

            try
            {
                await table.UpdateEntityAsync(ToEntity(prospect with { LastContactedAt = at }), row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed meanwhile (an import): read again.
            }
        }
    }

    public async Task<IReadOnlyList<string>> ListTenantsAsync(CancellationToken cancellationToken = default)
    {
        TableClient tenants = await tables.GetAsync(TenantsTable);
        var ids = new List<string>();
        await foreach (TableEntity row in tenants.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"tenants"}"), cancellationToken: cancellationToken))
        {
            ids.Add(row.RowKey);
        }

        return ids;
    }

    private static TableEntity ToEntity(Prospect prospect) => new(prospect.TenantId, prospect.ProspectId)
    {
        ["Sector"] = prospect.Sector,
        ["Data"] = JsonSerializer.Serialize(prospect, StoredJson.Options),
    };

    private static Prospect FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<Prospect>(entity.GetString("Data"), StoredJson.Options)
        ?? throw new InvalidOperationException($"Prospect row {entity.RowKey} is empty.");
}
