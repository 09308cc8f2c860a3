using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Reports.Ports;

namespace Dealix.Functions.Infrastructure.Reports;

/// <summary>
/// The <c>Reports</c> table: partition = tenant, row = <c>{kind}|{period}</c> (period keys sort in time order within a
/// kind, so the latest is the last row of the kind's range). The report's JSON is kept in one column (reports are
/// bounded well under the 64 KiB column limit). Upserts: a re-run of the same key replaces the row.
/// </summary>
public sealed class TableReportStore(DealTables tables) : IReportStore
{
    private const string Table = "Reports";

    public async Task SaveAsync(StoredReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        TableClient table = await tables.GetAsync(Table);
        await table.UpsertEntityAsync(new TableEntity(report.Tenant, RowKey(report.Kind, report.Period))
        {
            ["Kind"] = report.Kind,
            ["Period"] = report.Period,
            ["GeneratedAt"] = DateTime.SpecifyKind(report.GeneratedAt, DateTimeKind.Utc),
            ["Severity"] = report.Severity,
            ["Json"] = report.Json,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<StoredReport?> GetAsync(string tenant, string kind, string period, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenant, RowKey(kind, period), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!, withJson: true) : null;
    }

    public async Task<StoredReport?> GetLatestAsync(string tenant, string kind, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        string from = kind + "|", to = kind + "}"; // '}' follows '|': the range holds exactly this kind's rows
        StoredReport? latest = null;
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {tenant} and RowKey gt {from} and RowKey lt {to}"), cancellationToken: cancellationToken))
        {
            latest = FromEntity(row, withJson: true); // rows come in row-key order: the last is the latest period
        }

        return latest;
    }

    public async Task<IReadOnlyList<StoredReport>> ListAsync(string tenant, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        var rows = new List<StoredReport>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenant}"),
            select: ["Kind", "Period", "GeneratedAt", "Severity"], cancellationToken: cancellationToken))
        {
            rows.Add(FromEntity(row, withJson: false));
        }

        return [.. rows.OrderBy(r => r.Kind, StringComparer.Ordinal).ThenByDescending(r => r.Period, StringComparer.Ordinal)];
    }

    private static string RowKey(string kind, string period) => $"{kind}|{period}";

    private static StoredReport FromEntity(TableEntity e, bool withJson) => new(e.PartitionKey, e.GetString("Kind"), e.GetString("Period"),
        e.GetDateTimeOffset("GeneratedAt")!.Value.UtcDateTime, e.GetString("Severity"), withJson ? e.GetString("Json") : string.Empty);
}
