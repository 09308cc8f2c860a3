using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;
using Dealix.Orchestrations.Support.Rules;

namespace Dealix.Orchestrations.Support.Tracking;

/// <summary>
/// Escalates one lapsed checkpoint of a ticket's SLA clock, once: it re-reads the log (an answer, a resolution or a
/// priority change since the timer was set cancels it), records the level in the escalation ledger under its key,
/// alerts the roles of <see cref="TicketSlaPlan.Recipients"/>, appends <c>escalated</c> to the SLA log for a breach,
/// and marks the record alerted. The ticket orchestration's timer and the 5-minute sweep both come here with the same
/// key: whichever is first escalates, the other finds it done. A crash between recording and alerting is repaired by
/// the next caller (the alert is idempotent by key).
/// </summary>
public sealed class TicketEscalator(ISlaLogStore log, IEscalationLedger escalations, ISupportAlerts alerts, TicketSlaRecorder recorder,
    ITicketStore tickets, IAuditLedger ledger, TimeProvider clock)
{
    /// <summary>Escalates <paramref name="checkpoint"/> of the ticket if it still holds; <paramref name="recordedBy"/> is
    /// <c>orchestration</c> or <c>sweep</c>.</summary>
    public async Task<EscalationResult> EscalateAsync(string tenantId, string ticketId, SlaCheckpoint checkpoint, string correlationId,
        string recordedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        DateTime now = clock.GetUtcNow().UtcDateTime;
        EscalationRecord? existing = await escalations.GetAsync(tenantId, checkpoint.Key, cancellationToken);
        bool recordedHere = false;
        if (existing is null)
        {
            IReadOnlyList<SlaEvent> events = await log.ReadAsync(tenantId, ticketId, cancellationToken);
            if (TicketSlaPlan.View(tenantId, ticketId, events) is not { } view || !TicketSlaPlan.StillDue(view, checkpoint, now))
            {
                return new EscalationResult(EscalationResult.NotDue, checkpoint.Key, []);
            }

            recordedHere = await escalations.TryRecordAsync(new EscalationRecord(tenantId, checkpoint.Key, ticketId, "ticket_sla",
                $"{Wire(checkpoint.Target)}:{Wire(checkpoint.Level)}", recordedBy, now), cancellationToken);
            existing = recordedHere ? null : await escalations.GetAsync(tenantId, checkpoint.Key, cancellationToken);
        }

        IReadOnlyList<string> roles = TicketSlaPlan.Recipients(checkpoint.Priority, checkpoint.Level);
        if (existing is { Alerted: true })
        {
            return new EscalationResult(EscalationResult.AlreadyEscalated, checkpoint.Key, roles);
        }

        bool breach = checkpoint.Level == EscalationLevel.Breach;
        string target = Wire(checkpoint.Target);
        foreach (string role in roles)
        {
            await alerts.SendAsync(new SupportAlert(tenantId, breach ? "sla_breach" : "sla_warning",
                TicketSlaPlan.Severity(checkpoint.Priority, checkpoint.Level),
                $"{checkpoint.Priority} ticket {ticketId}: {target} SLA {(breach ? "breached" : "at risk")}",
                $"ticket={ticketId} priority={checkpoint.Priority} target={target} level={Wire(checkpoint.Level)} due={checkpoint.At:o}",
                $"{checkpoint.Key}:{role}", role, OperatorLinks.Ticket(tenantId, ticketId)), cancellationToken);
        }

        if (breach)
        {
            // The ticket climbed the ladder (§4.6): on its SLA log as `escalated`, once per key. A ticket resolved a moment
            // ago rejects it, which is right.
            await recorder.RecordAsync(new SlaEvent(ticketId, tenantId, SlaEventType.Escalated, checkpoint.Priority, now, "automation", correlationId,
                $"{target}_breach -> {string.Join('+', roles)}"), checkpoint.Key, cancellationToken);
        }

        await ledger.AppendAsync(new AuditEntry(AuditIds.From(checkpoint.Key), tenantId, correlationId, breach ? "sla_escalation" : "sla_warning", "A",
            "automation", ticketId, now, To: string.Join('+', roles), Reason: $"{target}; {recordedBy}", Outcome: "notified"), cancellationToken);
        if (await tickets.GetAsync(tenantId, ticketId, cancellationToken) is { } ticket)
        {
            await tickets.SaveAsync(ticket with { LastEscalation = $"{target}:{Wire(checkpoint.Level)}" }, cancellationToken);
        }

        await escalations.MarkAlertedAsync(tenantId, checkpoint.Key, cancellationToken);
        return new EscalationResult(recordedHere ? EscalationResult.Escalated : EscalationResult.AlreadyEscalated, checkpoint.Key, roles);
    }

    private static string Wire<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value).Trim('"');
}
