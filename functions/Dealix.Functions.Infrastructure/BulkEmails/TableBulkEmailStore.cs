using Azure;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.BulkEmails.Contracts;
using Dealix.Orchestrations.BulkEmails.Ports;

namespace Dealix.Functions.Infrastructure.BulkEmails;

/// <summary>
/// The <c>BulkEmails</c> table (partition = tenant, row = bulk id) and the <c>BulkEmailRecipients</c> table (partition =
/// <c>{tenant}:{bulkId}</c>, row = prospect id, written in transactions of 100). Recipient rows hold ids, statuses and
/// reason codes only; the e-mail addresses stay in the prospects table.
/// </summary>
public sealed class TableBulkEmailStore(DealTables tables) : IBulkEmailStore
{
    private const string Table = "BulkEmails";
    private const string RecipientsTable = "BulkEmailRecipients";

    public async Task CreateAsync(BulkEmail bulk, IReadOnlyList<BulkRecipient> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bulk);
        ArgumentNullException.ThrowIfNull(recipients);
        TableClient rows = await tables.GetAsync(RecipientsTable);
        foreach (BulkRecipient[] chunk in recipients.Chunk(100))
        {
            await rows.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(r))), cancellationToken);
        }

        TableClient table = await tables.GetAsync(Table);
        try
        {
            await table.AddEntityAsync(ToEntity(bulk), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Stored by an earlier attempt of the same request.
        }
    }

    public async Task<BulkEmail?> GetAsync(string tenantId, string bulkId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, bulkId, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task SetStatusAsync(BulkStatusChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        TableClient table = await tables.GetAsync(Table);
        for (int attempt = 0; attempt < 5; attempt++)
        {
            NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(change.TenantId, change.BulkId, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return;
            }

            BulkEmail current = FromEntity(row.Value!);
            if (BulkEmailStatus.IsFinal(current.Status))
            {
                return;
            }

            BulkEmail next = current with
            {
                Status = change.Status,
                DecidedBy = current.DecidedBy ?? change.DecidedBy,
                DecidedAt = current.DecidedAt ?? (change.DecidedBy is not null || change.Status is BulkEmailStatus.Rejected or BulkEmailStatus.Expired ? change.At : null),
                NextSendAt = change.NextSendAt,
                CompletedAt = BulkEmailStatus.IsFinal(change.Status) ? change.At : null,
            };
            try
            {
                await table.UpdateEntityAsync(ToEntity(next), row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // changed meanwhile: read again
            }
        }

        throw new InvalidOperationException($"The status of bulk e-mail {change.BulkId} kept changing; the activity retries.");
    }

    public async Task<IReadOnlyList<BulkRecipient>> ListRecipientsAsync(string tenantId, string bulkId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(RecipientsTable);
        var rows = new List<BulkRecipient>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(tenantId, bulkId)}"), cancellationToken: cancellationToken))
        {
            rows.Add(FromEntity(tenantId, bulkId, row));
        }

        return rows;
    }

    public async Task<IReadOnlyList<string>> ListQueuedAsync(string tenantId, string bulkId, int max, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(RecipientsTable);
        var ids = new List<string>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(tenantId, bulkId)} and Status eq {BulkRecipient.Queued}");
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Max(1, max), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(row.RowKey);
            if (ids.Count >= max)
            {
                break;
            }
        }

        return ids;
    }

    public async Task<BulkRecipient?> GetRecipientAsync(string tenantId, string bulkId, string prospectId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(RecipientsTable);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(tenantId, bulkId), prospectId, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(tenantId, bulkId, row.Value!) : null;
    }

    public async Task SetRecipientAsync(BulkRecipient recipient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        TableClient table = await tables.GetAsync(RecipientsTable);
        await table.UpsertEntityAsync(ToEntity(recipient), TableUpdateMode.Replace, cancellationToken);
    }

    private static string Partition(string tenantId, string bulkId) => $"{tenantId}:{bulkId}";

    private static TableEntity ToEntity(BulkRecipient r) => new(Partition(r.TenantId, r.BulkId), r.ProspectId)
    {
        ["Status"] = r.Status,
        ["Reason"] = r.Reason,
        ["DraftId"] = r.DraftId,
        ["UpdatedAt"] = Utc(r.UpdatedAt),
    };

    private static BulkRecipient FromEntity(string tenantId, string bulkId, TableEntity e) =>
        new(tenantId, bulkId, e.RowKey, e.GetString("Status") ?? BulkRecipient.Queued, e.GetString("Reason"), e.GetString("DraftId"), e.GetDateTimeOffset("UpdatedAt")?.UtcDateTime);

    private static TableEntity ToEntity(BulkEmail b) => new(b.TenantId, b.BulkId)
    {
        ["RequestId"] = b.RequestId,
        ["Subject"] = b.Subject,
        ["Body"] = b.Body,
        ["CorrelationId"] = b.CorrelationId,
        ["CreatedAt"] = Utc(b.CreatedAt),
        ["Status"] = b.Status,
        ["ApprovalId"] = b.ApprovalId,
        ["VerdictCode"] = b.VerdictCode,
        ["VerdictReason"] = b.VerdictReason,
        ["Recipients"] = b.Recipients,
        ["Excluded"] = b.Excluded,
        ["ContentHash"] = b.ContentHash,
        ["DecidedBy"] = b.DecidedBy,
        ["DecidedAt"] = Utc(b.DecidedAt),
        ["NextSendAt"] = Utc(b.NextSendAt),
        ["CompletedAt"] = Utc(b.CompletedAt),
    };

    private static BulkEmail FromEntity(TableEntity e) => new()
    {
        TenantId = e.PartitionKey,
        BulkId = e.RowKey,
        RequestId = e.GetString("RequestId") ?? string.Empty,
        Subject = e.GetString("Subject") ?? string.Empty,
        Body = e.GetString("Body") ?? string.Empty,
        CorrelationId = e.GetString("CorrelationId") ?? string.Empty,
        CreatedAt = e.GetDateTimeOffset("CreatedAt")?.UtcDateTime ?? DateTime.MinValue,
        Status = e.GetString("Status") ?? BulkEmailStatus.PendingApproval,
        ApprovalId = e.GetString("ApprovalId") ?? string.Empty,
        VerdictCode = e.GetString("VerdictCode") ?? string.Empty,
        VerdictReason = e.GetString("VerdictReason") ?? string.Empty,
        Recipients = e.GetInt32("Recipients") ?? 0,
        Excluded = e.GetInt32("Excluded") ?? 0,
        ContentHash = e.GetString("ContentHash") ?? string.Empty,
        DecidedBy = e.GetString("DecidedBy"),
        DecidedAt = e.GetDateTimeOffset("DecidedAt")?.UtcDateTime,
        NextSendAt = e.GetDateTimeOffset("NextSendAt")?.UtcDateTime,
        CompletedAt = e.GetDateTimeOffset("CompletedAt")?.UtcDateTime,
    };

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
