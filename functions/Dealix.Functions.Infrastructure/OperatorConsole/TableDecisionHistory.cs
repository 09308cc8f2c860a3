using System.Text.Json;
using Azure.Data.Tables;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Functions.Infrastructure.OperatorConsole;

/// <summary>
/// Similar past decisions for the approval queue's decision support (§4.5): a tenant's drafts a person decided (approved,
/// sent, failed, rejected…) of the same category and kind, newest decision first. Reads the <c>Drafts</c> table's
/// tenant partition for the decided statuses, at most <see cref="ScanLimit"/> rows, so the card stays cheap.
/// </summary>
public sealed class TableDecisionHistory(DealTables tables)
{
    /// <summary>The most rows one lookup reads.</summary>
    public const int ScanLimit = 500;

    private static readonly string[] Decided = ["approved", "sending", "sent", "failed", "manual_required", "rejected"];

    /// <summary>The last <paramref name="max"/> drafts of <paramref name="tenantId"/> decided by a person, like <paramref name="like"/>.</summary>
    public async Task<IReadOnlyList<ReplyDraft>> SimilarAsync(string tenantId, ReplyDraft like, int max = 5, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(like);
        TableClient table = await tables.GetAsync("Drafts");
        string statuses = string.Join(" or ", Decided.Select(s => TableClient.CreateQueryFilter($"Status eq {s}")));
        string filter = $"{TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}")} and ({statuses})";
        var found = new List<ReplyDraft>();
        int read = 0;
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(filter, maxPerPage: 100, cancellationToken: cancellationToken))
        {
            if (++read > ScanLimit)
            {
                break;
            }

            if (row.GetString("Data") is not { } data || JsonSerializer.Deserialize<ReplyDraft>(data, StoredJson.Options) is not { } draft)
            {
                continue;
            }

            if (draft.DraftId != like.DraftId && !draft.AutoApproved && draft.Category == like.Category && draft.Kind == like.Kind)
            {
                found.Add(draft);
            }
        }

        return [.. found.OrderByDescending(d => d.DecidedAt ?? d.CreatedAt).Take(Math.Max(1, max))];
    }
}
