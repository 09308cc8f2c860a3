using System.Text.Json;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;

namespace Dealix.Functions.Infrastructure.OperatorConsole;

/// <summary>
/// An operator's feedback on one drafted response (§4.7): the rubric (1–5 on factuality, helpfulness, tone and policy
/// alignment; each optional), the correction with the text it corrected (an edit-then-approve always stores both: the
/// diff), the exemplar flag and the rejection reason code. The draft's category and kind are copied for the weekly
/// quality report.
/// </summary>
// WARNING: persisted in storage (the Data column).
public sealed record DraftFeedback(
    string TenantId,
    string DraftId,
    string Reviewer,
    string Category,
    string Kind,
    string? Decision,
    int? Factuality,
    int? Helpfulness,
    int? Tone,
    int? PolicyAlignment,
    bool Exemplar,
    string? OriginalText,
    string? Correction,
    string? ReasonCode,
    string? Comment,
    DateTime At,
    string CorrelationId);

/// <summary>
/// Feedback in the <c>DraftFeedback</c> table: partition = tenant, row = <c>{draft id}|{sha256(reviewer)[..16]}</c>, so
/// one operator has one (latest) feedback per draft and a draft's feedback is one row range.
/// </summary>
public sealed class TableDraftFeedback(DealTables tables)
{
    private const string Table = "DraftFeedback";

    /// <summary>Stores <paramref name="feedback"/>, replacing that reviewer's earlier feedback on the draft.</summary>
    public async Task SaveAsync(DraftFeedback feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        TableClient table = await tables.GetAsync(Table);
        await table.UpsertEntityAsync(new TableEntity(feedback.TenantId, $"{feedback.DraftId}|{DealTables.HashKey(feedback.Reviewer)[..16]}")
        {
            ["DraftId"] = feedback.DraftId,
            ["Category"] = feedback.Category,
            ["At"] = DateTime.SpecifyKind(feedback.At, DateTimeKind.Utc),
            ["Data"] = JsonSerializer.Serialize(feedback, StoredJson.Options),
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The feedback on one draft of <paramref name="tenantId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<DraftFeedback>> ListAsync(string tenantId, string draftId, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        var items = new List<DraftFeedback>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and DraftId eq {draftId}"), cancellationToken: cancellationToken))
        {
            if (row.GetString("Data") is { } data && JsonSerializer.Deserialize<DraftFeedback>(data, StoredJson.Options) is { } feedback)
            {
                items.Add(feedback);
            }
        }

        return [.. items.OrderBy(f => f.At)];
    }

    /// <summary>The feedback of <paramref name="tenantId"/> given in [<paramref name="from"/>, <paramref name="to"/>), oldest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<DraftFeedback>> ListBetweenAsync(string tenantId, DateTime from, DateTime to, int max, CancellationToken cancellationToken = default)
    {
        TableClient table = await tables.GetAsync(Table);
        var items = new List<DraftFeedback>();
        DateTime start = DateTime.SpecifyKind(from, DateTimeKind.Utc), end = DateTime.SpecifyKind(to, DateTimeKind.Utc);
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and At ge {start} and At lt {end}"), cancellationToken: cancellationToken))
        {
            if (row.GetString("Data") is { } data && JsonSerializer.Deserialize<DraftFeedback>(data, StoredJson.Options) is { } feedback)
            {
                items.Add(feedback);
            }

            if (items.Count >= max)
            {
                break;
            }
        }

        return [.. items.OrderBy(f => f.At).ThenBy(f => f.DraftId, StringComparer.Ordinal)];
    }
}
