using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;
using Dealix.Orchestrations.Support.Rules;
using Dealix.Orchestrations.Support.Tracking;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Support.Activities;

/// <summary>
/// Stores a new ticket (routed to its owners, due times from the opening instant) and opens its SLA log with
/// <c>ticket_opened</c>. A retry finds both done. Returns the ticket's SLA view.
/// </summary>
[DurableTask(Name)]
public sealed class OpenTicket(ITicketStore tickets, TicketSlaRecorder recorder, IAuditLedger ledger) : TaskActivity<OpenTicketInput, TicketSlaView>
{
    public const string Name = "OpenTicket";

    public override async Task<TicketSlaView> RunAsync(TaskActivityContext context, OpenTicketInput input)
    {
        SupportTicketInput t = input.Ticket;
        PriorityTier tier = SupportPriorities.For(t.Priority);
        bool created = await tickets.CreateAsync(new SupportTicket
        {
            TicketId = t.TicketId,
            TenantId = t.TenantId,
            InstanceId = input.InstanceId,
            Source = t.Source,
            Priority = t.Priority,
            Owners = tier.Owners,
            MatchedKeywords = t.MatchedKeywords,
            Reason = t.Reason,
            Status = "open",
            OpenedAt = t.OpenedAt,
            FirstResponseDueAt = t.OpenedAt + tier.FirstResponseTarget,
            ResolutionDueAt = t.OpenedAt + tier.ResolutionTarget,
            CorrelationId = t.CorrelationId,
            Subject = t.Subject,
            Body = t.Body,
            ReplyTo = t.ReplyTo,
            DraftId = input.DraftId,
        });
        if (created)
        {
            await ledger.AppendAsync(new AuditEntry(AuditIds.From($"{input.InstanceId}|open"), t.TenantId, t.CorrelationId, "ticket_opened", "A", t.Actor,
                t.TicketId, t.OpenedAt, Channel: t.Source, Reason: string.Join(',', t.MatchedKeywords), Outcome: t.Priority.ToString()));
        }

        (SlaEventValidation validation, TicketSlaView? view) = await recorder.RecordAsync(
            new SlaEvent(t.TicketId, t.TenantId, SlaEventType.TicketOpened, t.Priority, t.OpenedAt, t.Actor, t.CorrelationId, t.Source),
            $"{input.InstanceId}|open");
        return view ?? await recorder.ProjectAsync(t.TenantId, t.TicketId)
            ?? throw new InvalidOperationException($"The SLA log of ticket {t.TicketId} could not be opened: {validation.Code}.");
    }
}
