using Dealix.Functions.Infrastructure.Reliability;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Infrastructure.Outbox;

/// <summary>
/// Finds approved drafts that a dead process left behind and moves them on, so none stays <c>approved</c> or
/// <c>sending</c> unnoticed. An <c>approved</c> draft older than <see cref="OutboxOptions.ApprovedGrace"/> lost its
/// decision event (the process died between recording the decision and raising it) or its outbox message (locked by the
/// dead process for the queue's visibility time): its decision is raised again to its approval instance (which takes
/// only the first) and it is queued again (the sender claims each draft once). A <c>sending</c> claim older than
/// <see cref="OutboxOptions.SendingLease"/> is retried or flagged by <see cref="OutboxSender.ResolveAbandonedClaimAsync"/>.
/// Drafts of paused tenants are left to the kill switch. Run by the <c>OutboxRecovery</c> timer.
/// </summary>
public sealed partial class OutboxRecovery(
    TableDraftStore drafts,
    IKillSwitch killSwitch,
    IOutbox outbox,
    OutboxSender sender,
    IAuditLedger ledger,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRecovery> log)
{
    private static readonly DraftStatus[] Open = [DraftStatus.Approved, DraftStatus.Sending];
    private static readonly DraftStatus[] Approved = [DraftStatus.Approved];

    /// <summary>One pass over the open drafts; returns how many it moved on.</summary>
    public async Task<int> RunAsync(DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        int moved = 0;
        await foreach (ReplyDraft draft in drafts.ListInStatusAsync(Open, cancellationToken))
        {
            DateTime now = clock.GetUtcNow().UtcDateTime;
            if (draft.Status == DraftStatus.Sending)
            {
                if (sender.IsAbandoned(draft, now))
                {
                    CrashPoints.Hit("recovery.before-resolve");
                    moved += await sender.ResolveAbandonedClaimAsync(draft, requeue: true, cancellationToken) == SendDisposition.Skipped ? 0 : 1;
                }

                continue;
            }

            // First touches wait for the paced batch (send windows, rate limits, §10.6), which owns them; an onboarding
            // step's approval is a record, never a message. Only drafts sent on approval are re-queued here.
            if (draft.Kind is DraftKind.FirstTouch or DraftKind.OnboardingStep or DraftKind.ConnectorAction or DraftKind.LoopAction)
            {
                continue;
            }

            DateTime since = draft.RecoveredAt ?? draft.DecidedAt ?? draft.CreatedAt;
            if (since + options.Value.ApprovedGrace > now || await killSwitch.IsPausedAsync(draft.TenantId, cancellationToken))
            {
                continue;
            }

            // Mark first (conditional): of two recovery passes, one re-queues; the next re-queue waits a grace period.
            DraftUpdate marked = await drafts.TransitionAsync(draft.TenantId, draft.DraftId, Approved, DraftStatus.Approved,
                new DraftChange(At: now) { Recovered = true }, cancellationToken);
            if (!marked.Applied)
            {
                continue;
            }

            CrashPoints.Hit("recovery.after-mark");
            if (!draft.AutoApproved)
            {
                await client.RaiseEventAsync(DealKeys.ApprovalInstanceId(draft.TenantId, draft.DraftId), DealEvents.DraftDecided,
                    new DraftDecision(draft.DraftId, DraftDecisionKind.Approved, draft.Reviewer ?? "operator", draft.DecisionReason, null,
                        draft.DecidedAt ?? now, draft.CorrelationId), cancellationToken);
            }

            await outbox.EnqueueAsync(new OutboundMessage(draft.TenantId, draft.DraftId, draft.DealInstanceId, draft.Channel, draft.CorrelationId, draft.AutoApproved),
                null, cancellationToken);
            await ledger.AppendAsync(new AuditEntry(
                AuditIds.From($"recover:{draft.TenantId}:{draft.DraftId}:{now:O}"), draft.TenantId, draft.CorrelationId, "send_recovered", "B", "automation",
                draft.DealInstanceId, now, ApprovalId: draft.DraftId, AutoApproved: draft.AutoApproved, Reason: "approved_not_sent", Outcome: "requeued"),
                cancellationToken);
            Requeued(log, draft.DraftId, draft.CorrelationId);
            moved++;
        }

        return moved;
    }

    [LoggerMessage(1155, LogLevel.Warning, "Outbox recovery: approved draft {DraftId} was not sent; decision raised and queued again (correlation {CorrelationId})")]
    private static partial void Requeued(ILogger logger, string draftId, string correlationId);
}
