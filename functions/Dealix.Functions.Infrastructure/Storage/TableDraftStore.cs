using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Functions.Infrastructure.Storage;

/// <summary>
/// Drafts and their approval state in the <c>Drafts</c> table: partition = tenant, row = draft id. The draft is stored
/// as JSON with its status, channel, stage, contact and deal as columns for filtering. Status changes are conditional
/// (ETag), so of two racing deciders exactly one wins.
/// </summary>
public sealed class TableDraftStore(DealTables tables) : IDraftStore
{
    private const string Table = "Drafts";

    public async Task CreateAsync(ReplyDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        TableClient table = await tables.GetAsync(Table);
        try
        {
            await table.AddEntityAsync(ToEntity(draft), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Created by an earlier attempt of the same activity: the same id means the same draft.
        }
    }

    public async Task<ReplyDraft?> GetAsync(string tenantId, string draftId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, draftId, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<DraftUpdate> TransitionAsync(
        string tenantId, string draftId, IReadOnlyCollection<DraftStatus> from, DraftStatus to, DraftChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(change);
        TableClient table = await tables.GetAsync(Table);
        for (int attempt = 0; attempt < 10; attempt++)
        {
            NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, draftId, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return new DraftUpdate(null, false);
            }

            ReplyDraft current = FromEntity(row.Value!);
            if (!from.Contains(current.Status))
            {
                return new DraftUpdate(current, false);
            }

            ReplyDraft next = current with
            {
                Status = to,
                Reviewer = change.Reviewer ?? current.Reviewer,
                DecidedAt = change.At ?? current.DecidedAt,
                DecisionReason = change.Reason ?? current.DecisionReason,
                Text = change.EditedText ?? current.Text,
                ProviderMessageId = change.ProviderMessageId ?? current.ProviderMessageId,
                Template = change.Template ?? current.Template,
            };
            try
            {
                await table.UpdateEntityAsync(ToEntity(next), row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return new DraftUpdate(next, true);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Someone changed it meanwhile: read again and re-check the status.
            }
        }

        throw new InvalidOperationException($"Draft {draftId} kept changing under ten conditional updates.");
    }

    public async Task<DraftPage> ListAsync(string tenantId, DraftQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        TableClient table = await tables.GetAsync(Table);
        var filters = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}") };
        if (query.Status is { } status)
        {
            filters.Add(TableClient.CreateQueryFilter($"Status eq {Wire(status)}"));
        }

        if (query.Channel is { } channel)
        {
            filters.Add(TableClient.CreateQueryFilter($"Channel eq {Wire(channel)}"));
        }

        if (query.Stage is { } stage)
        {
            filters.Add(TableClient.CreateQueryFilter($"Stage eq {Wire(stage)}"));
        }

        if (query.ContactId is { } contact)
        {
            filters.Add(TableClient.CreateQueryFilter($"ContactId eq {contact}"));
        }

        int size = Math.Clamp(query.PageSize, 1, 100);
        await foreach (Page<TableEntity> page in table.QueryAsync<TableEntity>(string.Join(" and ", filters), maxPerPage: size, cancellationToken: cancellationToken)
            .AsPages(query.ContinuationToken, size))
        {
            return new DraftPage([.. page.Values.Select(FromEntity)], page.ContinuationToken);
        }

        return new DraftPage([], null);
    }

    public async Task<IReadOnlyList<ReplyDraft>> ListForDealAsync(string tenantId, string dealInstanceId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        var drafts = new List<ReplyDraft>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and DealInstanceId eq {dealInstanceId}"), cancellationToken: cancellationToken))
        {
            drafts.Add(FromEntity(row));
        }

        return [.. drafts.OrderBy(d => d.CreatedAt)];
    }

    private static TableEntity ToEntity(ReplyDraft draft) => new(draft.TenantId, draft.DraftId)
    {
        ["Status"] = Wire(draft.Status),
        ["Channel"] = Wire(draft.Channel),
        ["Stage"] = Wire(draft.Stage),
        ["ContactId"] = draft.ContactId,
        ["DealInstanceId"] = draft.DealInstanceId,
        ["CorrelationId"] = draft.CorrelationId,
        ["CreatedAt"] = DateTime.SpecifyKind(draft.CreatedAt, DateTimeKind.Utc),
        ["Data"] = JsonSerializer.Serialize(draft, StoredJson.Options),
    };

    private static ReplyDraft FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<ReplyDraft>(entity.GetString("Data"), StoredJson.Options)
        ?? throw new InvalidOperationException($"Draft row {entity.RowKey} is empty.");

    internal static string Wire<T>(T value) => JsonSerializer.Serialize(value, StoredJson.Options).Trim('"');
}
