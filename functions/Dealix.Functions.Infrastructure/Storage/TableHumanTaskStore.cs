using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Ports;
using Dealix.Orchestrations.Tasks.Rules;

namespace Dealix.Functions.Infrastructure.Storage;

/// <summary>
/// Human tasks in the <c>HumanTasks</c> table: partition = tenant, row = SHA-256 of the task id (ids carry ':' and
/// other characters a row key may not), the task as JSON plus status, area, owner role, due time, open and delivered
/// flags as columns for filtering. <c>HumanTaskIds</c> maps a task id to its tenant (partition = hashed id) for the
/// callers that only know the id. Updates are conditional (ETag): of two racing changes exactly one is applied, the
/// other is decided again on what the first wrote.
/// </summary>
public sealed class TableHumanTaskStore(DealTables tables) : IHumanTaskStore
{
    private const string Table = "HumanTasks";
    private const string IdTable = "HumanTaskIds";
    private const string IdRow = "task";

    public async Task<bool> CreateAsync(HumanTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        string key = DealTables.HashKey(task.TaskId);
        TableClient ids = await tables.GetAsync(IdTable);
        try
        {
            await ids.AddEntityAsync(new TableEntity(key, IdRow) { ["Tenant"] = task.Tenant, ["TaskId"] = task.TaskId }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Written by an earlier attempt; the task row below decides.
            NullableResponse<TableEntity> owner = await ids.GetEntityIfExistsAsync<TableEntity>(key, IdRow, cancellationToken: cancellationToken);
            if (owner.HasValue && owner.Value!.GetString("Tenant") != task.Tenant)
            {
                throw new InvalidOperationException($"Task id {task.TaskId} belongs to another tenant.");
            }
        }

        TableClient table = await tables.GetAsync(Table);
        try
        {
            await table.AddEntityAsync(ToEntity(task), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<HumanTask?> GetAsync(string tenant, string taskId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenant, DealTables.HashKey(taskId), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<string?> FindTenantAsync(string taskId, CancellationToken cancellationToken = default)
    {
        TableClient ids = await tables.GetAsync(IdTable);
        NullableResponse<TableEntity> row = await ids.GetEntityIfExistsAsync<TableEntity>(DealTables.HashKey(taskId), IdRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("Tenant") : null;
    }

    public async Task<HumanTaskDecision?> UpdateAsync(string tenant, string taskId, Func<HumanTask, HumanTaskDecision> rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        TableClient table = await tables.GetAsync(Table);
        for (int attempt = 0; attempt < 10; attempt++)
        {
            NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenant, DealTables.HashKey(taskId), cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return null;
            }

            HumanTaskDecision decision = rule(FromEntity(row.Value!));
            if (!decision.Changed)
            {
                return decision;
            }

            try
            {
                await table.UpdateEntityAsync(ToEntity(decision.Task), row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return decision;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed meanwhile: decide again on the new state.
            }
        }

        throw new InvalidOperationException($"Task {taskId} kept changing under ten conditional updates.");
    }

    public async Task<HumanTaskPage> ListAsync(string tenant, HumanTaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        TableClient table = await tables.GetAsync(Table);
        var filters = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {tenant}") };
        if (query.Status is { } status)
        {
            filters.Add(TableClient.CreateQueryFilter($"Status eq {status}"));
        }

        if (query.Area is { } area)
        {
            filters.Add(TableClient.CreateQueryFilter($"Area eq {area}"));
        }

        if (query.OwnerRole is { } role)
        {
            filters.Add(TableClient.CreateQueryFilter($"OwnerRole eq {role}"));
        }

        int size = Math.Clamp(query.PageSize, 1, 100);
        await foreach (Page<TableEntity> page in table.QueryAsync<TableEntity>(string.Join(" and ", filters), maxPerPage: size, cancellationToken: cancellationToken)
            .AsPages(query.ContinuationToken, size))
        {
            return new HumanTaskPage([.. page.Values.Select(FromEntity).OrderBy(t => t.DueAt).ThenBy(t => t.TaskId, StringComparer.Ordinal)], page.ContinuationToken);
        }

        return new HumanTaskPage([], null);
    }

    public Task<IReadOnlyList<HumanTask>> ListOverdueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        ScanAsync(TableClient.CreateQueryFilter($"Open eq {true} and DueAt le {now}"), max, cancellationToken);

    public Task<IReadOnlyList<HumanTask>> ListUndeliveredAsync(int max, CancellationToken cancellationToken = default) =>
        ScanAsync(TableClient.CreateQueryFilter($"Open eq {false} and Delivered eq {false}"), max, cancellationToken);

    private async Task<IReadOnlyList<HumanTask>> ScanAsync(string filter, int max, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync(Table);
        var found = new List<HumanTask>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(FromEntity(row));
            if (found.Count >= max)
            {
                break;
            }
        }

        return [.. found.OrderBy(t => t.DueAt)];
    }

    private static TableEntity ToEntity(HumanTask task) => new(task.Tenant, DealTables.HashKey(task.TaskId))
    {
        ["TaskId"] = task.TaskId,
        ["Status"] = task.Status,
        ["Area"] = task.Area,
        ["OwnerRole"] = task.OwnerRole,
        ["InstanceId"] = task.InstanceId,
        ["DueAt"] = task.DueAt.ToUniversalTime(),
        ["Open"] = task.IsOpen,
        ["Delivered"] = task.Delivered,
        ["EscalationLevel"] = task.EscalationLevel,
        ["Data"] = JsonSerializer.Serialize(task, StoredJson.Options),
    };

    private static HumanTask FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<HumanTask>(entity.GetString("Data"), StoredJson.Options)
        ?? throw new InvalidOperationException($"Task row {entity.RowKey} is empty.");
}
