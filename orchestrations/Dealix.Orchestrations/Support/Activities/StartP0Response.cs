using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Support.Activities;

/// <summary>
/// The P0 auto-actions of §11.2 this area owns: asks incident response for triage through <see cref="IIncidentTrigger"/>
/// (which the incident area implements; its triage freezes the tenant) and pages the founder. Once per ticket.
/// </summary>
[DurableTask(Name)]
public sealed class StartP0Response(IIncidentTrigger incidents, ISupportAlerts alerts, ITicketStore tickets, IAuditLedger ledger, TimeProvider clock)
    : TaskActivity<IncidentRequest, bool>
{
    public const string Name = "StartP0Response";

    public override async Task<bool> RunAsync(TaskActivityContext context, IncidentRequest input)
    {
        bool accepted = await incidents.RequestAsync(input);
        string key = $"p0:{input.TenantId}:{input.TicketId}";
        await alerts.SendAsync(new SupportAlert(input.TenantId, "p0_ticket", "critical", $"P0 ticket {input.TicketId}",
            $"ticket={input.TicketId} keywords={input.MatchedKeywords.Count} incident_requested={accepted}", key, "founder",
            $"/api/v1/customer-ops/support/tickets/{input.TicketId}"));
        if (await tickets.GetAsync(input.TenantId, input.TicketId) is { } ticket && !ticket.IncidentRequested)
        {
            await tickets.SaveAsync(ticket with { IncidentRequested = accepted });
        }

        await ledger.AppendAsync(new AuditEntry(AuditIds.From(key), input.TenantId, input.CorrelationId, "incident_requested", "A", "automation",
            input.TicketId, clock.GetUtcNow().UtcDateTime, To: "founder", Reason: input.Reason, Outcome: accepted ? "requested" : "refused"));
        return accepted;
    }
}
