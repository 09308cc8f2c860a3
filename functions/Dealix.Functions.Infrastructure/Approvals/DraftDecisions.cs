using Dealix.Functions.Infrastructure.Reliability;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Infrastructure.Approvals;

/// <summary>
/// Records an operator's decision on a pending draft — who, when, why, an edited text — with a conditional update (the
/// first decision wins; an expired or cancelled draft cannot be approved), writes it on the audit ledger under the
/// draft's correlation id, and raises it to the draft's approval instance, which reports it to the deal.
/// </summary>
public sealed class DraftDecisions(IDraftStore drafts, IAuditLedger ledger, TimeProvider clock)
{
    /// <summary>Decides; the result says whether this call decided, or why not.</summary>
    public async Task<DecisionResult> DecideAsync(DurableTaskClient client, string tenantId, string draftId, DraftDecisionKind decision, string reviewer,
        string? reason, string? editedText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (decision is not (DraftDecisionKind.Approved or DraftDecisionKind.Rejected))
        {
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "Operators approve or reject.");
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        DraftStatus to = decision == DraftDecisionKind.Approved ? DraftStatus.Approved : DraftStatus.Rejected;
        DraftUpdate update = await drafts.TransitionAsync(tenantId, draftId, [DraftStatus.PendingApproval], to,
            new DraftChange(reviewer, now, reason, string.IsNullOrWhiteSpace(editedText) ? null : editedText), cancellationToken);
        if (update.Draft is null)
        {
            return new DecisionResult(DecisionOutcome.NotFound, null);
        }

        if (!update.Applied && !IsSameDecisionNotYetActedOn(update.Draft, to, reviewer))
        {
            return new DecisionResult(DecisionOutcome.NotPending, update.Draft);
        }

        // Applied now, or this reviewer's own earlier attempt applied it and the process died before the event was
        // raised (the caller saw no answer and retries): record and raise again. The ledger line has a fixed id, and
        // the approval instance takes the first decision it gets, so a second raise changes nothing.
        ReplyDraft draft = update.Draft;
        now = draft.DecidedAt ?? now;
        CrashPoints.Hit("decision.after-transition");
        await ledger.AppendAsync(new AuditEntry(
            AuditIds.From($"decision:{tenantId}:{draftId}"), tenantId, draft.CorrelationId, "draft_decided", "B", reviewer, draft.DealInstanceId, now,
            Channel: System.Text.Json.JsonSerializer.Serialize(draft.Channel).Trim('"'), ApprovalId: draftId,
            Reason: editedText is null ? reason : $"edit_and_approve; {reason}", Outcome: decision == DraftDecisionKind.Approved ? "approved" : "rejected"),
            cancellationToken);
        await client.RaiseEventAsync(DealKeys.ApprovalInstanceId(tenantId, draftId), DealEvents.DraftDecided,
            new DraftDecision(draftId, decision, reviewer, reason, editedText, now, draft.CorrelationId), cancellationToken);
        CrashPoints.Hit("decision.after-raise");
        return new DecisionResult(DecisionOutcome.Decided, draft);
    }

    /// <summary>True when the draft already carries this very decision by this reviewer and nothing acted on it yet.</summary>
    private static bool IsSameDecisionNotYetActedOn(ReplyDraft draft, DraftStatus to, string reviewer) =>
        draft.Status == to && (to is DraftStatus.Approved or DraftStatus.Rejected) && string.Equals(draft.Reviewer, reviewer, StringComparison.Ordinal);
}
