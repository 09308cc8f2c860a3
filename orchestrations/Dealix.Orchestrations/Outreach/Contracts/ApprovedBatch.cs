using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Outreach.Contracts;

/// <summary>The approved drafts of a tenant, oldest first, and how many e-mails went out today (AST), for the daily cap.</summary>
// WARNING: persisted in history.
public sealed record ApprovedBatch(IReadOnlyList<ApprovedDraftRef> Drafts, int EmailSentToday);

/// <summary>An approved draft, by id: enough to queue it and to pick its send window.</summary>
// WARNING: persisted in history.
public sealed record ApprovedDraftRef(string DraftId, MessageChannel Channel, DraftKind Kind, string DealInstanceId, string CorrelationId, bool AutoApproved);

/// <summary>Input of one channel's paced sending within a batch; <see cref="DailyAllowance"/> is what the daily cap leaves.</summary>
// WARNING: persisted in history.
public sealed record ChannelBatchInput(string TenantId, MessageChannel Channel, IReadOnlyList<ApprovedDraftRef> Drafts, int? DailyAllowance);

/// <summary>The batch result of §10.6 (<c>sent</c>, <c>failed</c>, <c>manual_required</c>, <c>skipped</c> with reason), plus
/// <c>simulated</c> for channels whose live sending is off, and the run's status.</summary>
// WARNING: persisted in history.
public sealed record SendBatchResult(
    string Status,
    IReadOnlyList<string> Sent,
    IReadOnlyList<string> Simulated,
    IReadOnlyList<string> Failed,
    IReadOnlyList<string> ManualRequired,
    IReadOnlyList<SkippedItem> Skipped)
{
    /// <summary>Nothing done.</summary>
    public static SendBatchResult Empty(string status) => new(status, [], [], [], [], []);

    /// <summary>Both results together.</summary>
    public SendBatchResult Plus(SendBatchResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Status, [.. Sent, .. other.Sent], [.. Simulated, .. other.Simulated], [.. Failed, .. other.Failed],
            [.. ManualRequired, .. other.ManualRequired], [.. Skipped, .. other.Skipped]);
    }
}
