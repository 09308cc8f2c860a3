using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;
using Dealix.Orchestrations.Support.Rules;

namespace Dealix.Orchestrations.Support.Tracking;

/// <summary>
/// The backstop of §18 behind the per-item durable timers: every open ticket whose SLA checkpoints have passed, and
/// every pending draft whose approval-SLA steps have passed, is escalated through the same once-per-key paths the
/// orchestrations use. What the timers already did is found done and not repeated; only what a lost or late timer
/// missed is escalated here.
/// </summary>
public sealed class SlaSweeper(ITicketStore tickets, ISlaLogStore log, TicketEscalator escalator, IPendingApprovalScan drafts,
    IEscalationLedger escalations, IOperatorNotifier notifier, IAuditLedger ledger, TimeProvider clock)
{
    /// <summary>Sweeps the open tickets.</summary>
    public async Task<SweepResult> SweepTicketsAsync(string correlationId, CancellationToken cancellationToken = default)
    {
        DateTime now = clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<SupportTicket> open = await tickets.ListOpenAsync(cancellationToken);
        int escalated = 0;
        foreach (SupportTicket ticket in open)
        {
            IReadOnlyList<SlaEvent> events = await log.ReadAsync(ticket.TenantId, ticket.TicketId, cancellationToken);
            if (TicketSlaPlan.View(ticket.TenantId, ticket.TicketId, events) is not { } view)
            {
                continue;
            }

            foreach (SlaCheckpoint checkpoint in TicketSlaPlan.Due(view, now))
            {
                EscalationResult result = await escalator.EscalateAsync(ticket.TenantId, ticket.TicketId, checkpoint, correlationId, "sweep", cancellationToken);
                escalated += result.Outcome == EscalationResult.Escalated ? 1 : 0;
            }
        }

        return new SweepResult(open.Count, escalated);
    }

    /// <summary>Sweeps the drafts pending approval.</summary>
    public async Task<SweepResult> SweepApprovalsAsync(CancellationToken cancellationToken = default)
    {
        DateTime now = clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<ReplyDraft> pending = await drafts.ListPendingAsync(cancellationToken);
        int escalated = 0;
        foreach (ReplyDraft draft in pending)
        {
            if (draft.Status != DraftStatus.PendingApproval || SupportApprovalPolicy.PlanForStored(draft) is not { } plan)
            {
                continue;
            }

            foreach (Deals.Lifecycle.ApprovalStep step in plan.Steps.Where(s => s.DueAt <= now && now < plan.ExpiresAt))
            {
                (_, bool recordedHere) = await ApprovalSlaNotices.NotifyAsync(notifier, ledger, escalations, now, draft.TenantId, draft.DraftId, step.Kind,
                    draft.CorrelationId, "sweep", cancellationToken);
                escalated += recordedHere ? 1 : 0;
            }
        }

        return new SweepResult(pending.Count, escalated);
    }
}
