using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Ports;

namespace Dealix.Functions.Infrastructure.CustomerSuccess;

/// <summary>
/// The customer-success store in Azure Tables, tenant id = partition key everywhere: <c>CsCustomers</c> (row = customer),
/// <c>CsHealthInputs</c> (row = customer), <c>CsScores</c> (row = <c>{customer}|{yyyyMMdd}</c> per day, and
/// <c>{customer}</c> for the latest), <c>CsTouchpoints</c> (row = <c>{customer}|{yyyyMMdd}:{item}</c>). Customer ids are
/// validated keys ([A-Za-z0-9_-]), so they are safe in row keys as they are.
/// </summary>
public sealed class TableCustomerSuccessStore(DealTables tables) : ICustomerSuccessStore
{
    private const string Customers = "CsCustomers";
    private const string Inputs = "CsHealthInputs";
    private const string Scores = "CsScores";
    private const string Touchpoints = "CsTouchpoints";

    public async Task SaveCustomerAsync(CsCustomer customer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        TableClient table = await tables.GetAsync(Customers);
        await table.UpsertEntityAsync(new TableEntity(customer.Tenant, customer.CustomerId)
        {
            ["Bundle"] = customer.Bundle,
            ["StartedAt"] = customer.StartedAt.ToUniversalTime(),
            ["RenewalDate"] = Day(customer.RenewalDate),
            ["InstanceId"] = customer.InstanceId,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<CsCustomer?> GetCustomerAsync(string tenant, string customerId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Customers);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenant, customerId, cancellationToken: cancellationToken);
        return row.HasValue ? Customer(row.Value!) : null;
    }

    public async Task<IReadOnlyList<CsCustomer>> ListCustomersAsync(CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Customers);
        var all = new List<CsCustomer>();
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            all.Add(Customer(e));
        }

        return [.. all.OrderBy(c => c.Tenant, StringComparer.Ordinal).ThenBy(c => c.CustomerId, StringComparer.Ordinal)];
    }

    public async Task SaveHealthInputsAsync(string tenant, string customerId, HealthInputs inputs, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Inputs);
        await table.UpsertEntityAsync(new TableEntity(tenant, customerId)
        {
            ["Inputs"] = JsonSerializer.Serialize(inputs, StoredJson.Options),
            ["UpdatedAt"] = at.ToUniversalTime(),
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<HealthInputs?> GetHealthInputsAsync(string tenant, string customerId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Inputs);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenant, customerId, cancellationToken: cancellationToken);
        return row.HasValue ? JsonSerializer.Deserialize<HealthInputs>(row.Value!.GetString("Inputs"), StoredJson.Options) : null;
    }

    public async Task SaveScoreAsync(CsScore score, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        TableClient table = await tables.GetAsync(Scores);
        string json = JsonSerializer.Serialize(score, StoredJson.Options);
        foreach (string row in new[] { $"{score.CustomerId}|{score.Day:yyyyMMdd}", score.CustomerId })
        {
            await table.UpsertEntityAsync(new TableEntity(score.Tenant, row)
            {
                ["Score"] = json,
                ["RiskScore"] = score.Risk.RiskScore,
                ["Severity"] = score.Risk.Severity.ToString(),
                ["HealthScore"] = score.Health.Score,
                ["At"] = score.At.ToUniversalTime(),
            }, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<CsScore?> GetLatestScoreAsync(string tenant, string customerId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Scores);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenant, customerId, cancellationToken: cancellationToken);
        return row.HasValue ? JsonSerializer.Deserialize<CsScore>(row.Value!.GetString("Score"), StoredJson.Options) : null;
    }

    public async Task AddTouchpointsAsync(string tenant, string customerId, IReadOnlyList<CadenceTouchpoint> touchpoints, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(touchpoints);
        TableClient table = await tables.GetAsync(Touchpoints);
        foreach (CadenceTouchpoint t in touchpoints)
        {
            try
            {
                await table.AddEntityAsync(new TableEntity(tenant, $"{customerId}|{t.Key}")
                {
                    ["CustomerId"] = customerId,
                    ["Key"] = t.Key,
                    ["Item"] = t.Item,
                    ["Date"] = Day(t.Date),
                    ["DueAt"] = t.DueAt.ToUniversalTime(),
                    ["Status"] = "scheduled",
                }, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Stored by an earlier attempt or generation: it keeps its status.
            }
        }
    }

    public async Task MarkHeldAsync(string tenant, string customerId, string key, string taskId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Touchpoints);
        await table.UpsertEntityAsync(new TableEntity(tenant, $"{customerId}|{key}")
        {
            ["Status"] = "held",
            ["TaskId"] = taskId,
            ["HeldAt"] = at.ToUniversalTime(),
        }, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<IReadOnlyList<CsTouchpointRecord>> ListTouchpointsAsync(string tenant, string customerId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Touchpoints);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenant} and RowKey ge {customerId + "|"} and RowKey lt {customerId + "}"}");
        var rows = new List<CsTouchpointRecord>();
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(Touchpoint(e));
        }

        return [.. rows.OrderBy(r => r.DueAt).ThenBy(r => r.Item, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<CsTouchpointRecord>> ListDueTouchpointsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Touchpoints);
        string filter = TableClient.CreateQueryFilter($"DueAt ge {from.ToUniversalTime()} and DueAt lt {to.ToUniversalTime()}");
        var rows = new List<CsTouchpointRecord>();
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(Touchpoint(e));
        }

        return [.. rows.OrderBy(r => r.Tenant, StringComparer.Ordinal).ThenBy(r => r.DueAt).ThenBy(r => r.CustomerId, StringComparer.Ordinal)];
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static CsCustomer Customer(TableEntity e) => new(e.PartitionKey, e.RowKey, e.GetString("Bundle"),
        e.GetDateTimeOffset("StartedAt")!.Value, ParseDay(e.GetString("RenewalDate")), e.GetString("InstanceId"));

    private static CsTouchpointRecord Touchpoint(TableEntity e) => new(e.PartitionKey, e.GetString("CustomerId"), e.GetString("Key"), e.GetString("Item"),
        ParseDay(e.GetString("Date")), e.GetDateTimeOffset("DueAt")!.Value, e.GetString("Status"), e.GetString("TaskId"), e.GetDateTimeOffset("HeldAt"));
}
