using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Sla.Rules;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;
using Dealix.Orchestrations.Support.Rules;

namespace Dealix.Orchestrations.Support.Tracking;

/// <summary>
/// Appends an SLA event to a ticket's log (validated strictly, §12.1; once per key), then projects the log onto the
/// ticket row (priority, owners, due times recomputed from the opening time, first response, status) and writes the
/// ledger line. Used by the ticket workflow's activities and by the <c>sla/event</c> route alike.
/// </summary>
public sealed class TicketSlaRecorder(ITicketStore tickets, ISlaLogStore log, IAuditLedger ledger)
{
    /// <summary>Records the event; returns the validation and, when accepted, the ticket's view after it.</summary>
    public async Task<(SlaEventValidation Validation, TicketSlaView? View)> RecordAsync(SlaEvent slaEvent, string idempotencyKey,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slaEvent);
        SlaEventValidation validation = await log.AppendAsync(slaEvent, idempotencyKey, cancellationToken);
        if (!validation.Accepted)
        {
            return (validation, null);
        }

        TicketSlaView? view = await ProjectAsync(slaEvent.TenantId, slaEvent.TicketId, cancellationToken);
        await ledger.AppendAsync(new AuditEntry(AuditIds.From(idempotencyKey, "sla"), slaEvent.TenantId, slaEvent.CorrelationId, "sla_event", "A",
            slaEvent.Actor, slaEvent.TicketId, slaEvent.OccurredAt, Reason: SlaLog.WireName(slaEvent.EventType), Outcome: slaEvent.Priority.ToString()),
            cancellationToken);
        return (validation, view);
    }

    /// <summary>The ticket's view from its log (null without <c>ticket_opened</c>), written onto its row when it has one.</summary>
    public async Task<TicketSlaView?> ProjectAsync(string tenantId, string ticketId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<SlaEvent> events = await log.ReadAsync(tenantId, ticketId, cancellationToken);
        TicketSlaView? view = TicketSlaPlan.View(tenantId, ticketId, events);
        if (view is not null && await tickets.GetAsync(tenantId, ticketId, cancellationToken) is { } ticket)
        {
            PriorityTier tier = SupportPriorities.For(view.Priority);
            await tickets.SaveAsync(ticket with
            {
                Priority = view.Priority,
                Owners = tier.Owners,
                Status = view.IsResolved ? "resolved" : "open",
                FirstResponseDueAt = view.OpenedAt + tier.FirstResponseTarget,
                ResolutionDueAt = view.OpenedAt + tier.ResolutionTarget,
                FirstResponseAt = view.FirstResponseAt,
                ResolvedAt = view.ResolvedAt,
            }, cancellationToken);
        }

        return view;
    }
}
