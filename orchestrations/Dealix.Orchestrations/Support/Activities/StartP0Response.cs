using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;
using Dealix.Orchestrations.Support.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Support.Activities;

/// <summary>
/// The P0 auto-actions of §11.2: opens the ticket's incident (<see cref="TicketIncidents"/>, through
/// <see cref="IIncidentTrigger"/>; its triage freezes live actions until the founder lifts the freeze), records the
/// incident id on the ticket and pages the founder. Idempotent: the incident id comes from the ticket, the page and the
/// ledger line from their keys, so a retry or a replay opens one incident and pages once.
/// </summary>
[DurableTask(Name)]
public sealed class StartP0Response(IIncidentTrigger incidents, ISupportAlerts alerts, ITicketStore tickets, IAuditLedger ledger, TimeProvider clock)
    : TaskActivity<IncidentRequest, bool>
{
    public const string Name = "StartP0Response";

    public override async Task<bool> RunAsync(TaskActivityContext context, IncidentRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        SupportTicket? ticket = await tickets.GetAsync(input.TenantId, input.TicketId);
        IncidentOpenRequest open = TicketIncidents.OpenRequest(input, ticket);
        bool opened = await incidents.OpenAsync(open);
        if (ticket is not null && (ticket.IncidentRequested != opened || ticket.IncidentId != open.IncidentId))
        {
            await tickets.SaveAsync(ticket with { IncidentRequested = opened, IncidentId = open.IncidentId });
        }

        string key = $"p0:{input.TenantId}:{input.TicketId}";
        await alerts.SendAsync(new SupportAlert(input.TenantId, "p0_ticket", "critical", $"P0 ticket {input.TicketId}",
            $"ticket={input.TicketId} keywords={input.MatchedKeywords.Count} incident={open.IncidentId} opened={opened}", key, "founder",
            OperatorLinks.Ticket(input.TenantId, input.TicketId)));
        await ledger.AppendAsync(new AuditEntry(AuditIds.From(key), input.TenantId, input.CorrelationId, "incident_requested", "A", "automation",
            input.TicketId, clock.GetUtcNow().UtcDateTime, To: "founder", Reason: input.Reason, Outcome: opened ? $"opened {open.IncidentId}" : "refused"));
        return opened;
    }
}
