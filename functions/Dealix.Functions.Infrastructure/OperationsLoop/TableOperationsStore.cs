using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.OperationsLoop.Contracts;
using Dealix.Orchestrations.OperationsLoop.Ports;

namespace Dealix.Functions.Infrastructure.OperationsLoop;

/// <summary>
/// The operations loop's tables, partition = tenant: <c>OperationsMetrics</c> (row = <c>{yyyyMMdd}|{metric}</c>, so a
/// date range is one row-key range; values as invariant decimal strings, exact) and <c>OperationsPostMortems</c>
/// (row = post-mortem id; added once, never overwritten).
/// </summary>
public sealed class TableOperationsStore(DealTables tables) : IOperationsStore
{
    private const string MetricsTable = "OperationsMetrics";
    private const string PostMortemsTable = "OperationsPostMortems";

    public async Task UpsertMetricAsync(string tenant, MetricPoint point, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(point);
        TableClient table = await tables.GetAsync(MetricsTable);
        await table.UpsertEntityAsync(new TableEntity(tenant, $"{Day(point.Day)}|{point.Metric}")
        {
            ["Metric"] = point.Metric,
            ["Day"] = Day(point.Day),
            ["Value"] = point.Value.ToString(CultureInfo.InvariantCulture),
            ["Source"] = point.Source,
            ["UpdatedAt"] = point.UpdatedAt,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<MetricPoint>> ListMetricsAsync(string tenant, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(MetricsTable);
        string low = Day(from), high = Day(to.AddDays(1));
        var points = new List<MetricPoint>();
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenant} and RowKey ge {low} and RowKey lt {high}"),
            cancellationToken: cancellationToken))
        {
            points.Add(new MetricPoint(e.GetString("Metric") ?? string.Empty,
                DateOnly.ParseExact(e.GetString("Day") ?? string.Empty, "yyyyMMdd", CultureInfo.InvariantCulture),
                decimal.Parse(e.GetString("Value") ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture), e.GetString("Source"), e.GetDateTimeOffset("UpdatedAt")));
        }

        return [.. points.OrderBy(p => p.Day).ThenBy(p => p.Metric, StringComparer.Ordinal)];
    }

    public async Task<bool> AddPostMortemAsync(PostMortemDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        TableClient table = await tables.GetAsync(PostMortemsTable);
        try
        {
            await table.AddEntityAsync(new TableEntity(draft.Tenant, draft.IncidentId) { ["Data"] = JsonSerializer.Serialize(draft, StoredJson.Options) }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false; // stored by an earlier run or attempt
        }
    }

    public async Task<PostMortemDraft?> GetPostMortemAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(PostMortemsTable);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenant, id, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString("Data") is { } json ? JsonSerializer.Deserialize<PostMortemDraft>(json, StoredJson.Options) : null;
    }

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
