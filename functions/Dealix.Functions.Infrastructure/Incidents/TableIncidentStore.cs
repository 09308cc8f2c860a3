using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Ports;

namespace Dealix.Functions.Infrastructure.Incidents;

/// <summary>
/// Incidents in the <c>Incidents</c> table: partition = tenant, row = incident id; the state and the post-mortem draft
/// as <see cref="StoredJson"/>. Saves merge, so a later save without a post-mortem keeps the stored one.
/// </summary>
public sealed class TableIncidentStore(DealTables tables) : IIncidentStore
{
    private const string Table = "Incidents";

    public async Task SaveAsync(IncidentState state, PostMortemDraft? postMortem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        TableClient table = await tables.GetAsync(Table);
        var entity = new TableEntity(state.Tenant, state.IncidentId)
        {
            ["State"] = JsonSerializer.Serialize(state, StoredJson.Options),
            ["DetectedAt"] = DateTime.SpecifyKind(state.DetectedAt, DateTimeKind.Utc),
            ["Phase"] = state.Phase,
            ["Severity"] = state.Severity.ToString(),
        };
        if (postMortem is not null)
        {
            entity["PostMortem"] = JsonSerializer.Serialize(postMortem, StoredJson.Options);
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<StoredIncident?> GetAsync(string tenant, string incidentId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenant, incidentId, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        TableEntity e = row.Value!;
        return new StoredIncident(JsonSerializer.Deserialize<IncidentState>(e.GetString("State"), StoredJson.Options)!,
            e.GetString("PostMortem") is { } pm ? JsonSerializer.Deserialize<PostMortemDraft>(pm, StoredJson.Options) : null);
    }

    public async Task<IReadOnlyList<IncidentState>> ListAsync(string tenant, int limit = 50, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        var all = new List<IncidentState>();
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(x => x.PartitionKey == tenant, select: ["State"], cancellationToken: cancellationToken))
        {
            all.Add(JsonSerializer.Deserialize<IncidentState>(e.GetString("State"), StoredJson.Options)!);
        }

        return [.. all.OrderByDescending(s => s.DetectedAt).Take(limit)];
    }
}
