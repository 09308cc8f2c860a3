using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Notifications;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Incidents;

/// <summary>
/// Waits for the decision on one incident customer-update draft with the incident approval SLA of §4.4 (due after
/// 30 minutes, warning at 50 %, no expiry): at 15 minutes the team_lead is reminded, at 30 minutes the founder gets the
/// escalation, then it keeps waiting. Runs under <c>approval:{tenant}:{draftId}</c>, so the approval center and its
/// signed callbacks decide it exactly as they decide a deal draft (<see cref="DealEvents.DraftDecided"/>); the incident
/// withdraws a superseded draft with the same event. Returns the decision to its incident. Never sends anything.
/// </summary>
[DurableTask(Name)]
public sealed class IncidentUpdateApprovalOrchestrator : TaskOrchestrator<IncidentUpdateApprovalInput, DraftDecision>
{
    public const string Name = "IncidentUpdateApproval";

    /// <summary>The incident-related approval SLA (§4.4).</summary>
    public static readonly TimeSpan Due = TimeSpan.FromMinutes(30);

    public override async Task<DraftDecision> RunAsync(TaskOrchestrationContext context, IncidentUpdateApprovalInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        DateTime start = context.CurrentUtcDateTime;
        Task<DraftDecision> decided = context.WaitForExternalEvent<DraftDecision>(DealEvents.DraftDecided);
        (TimeSpan After, string Kind, string Severity, string Owner)[] steps =
        [
            (Due / 2, OperatorAlertKinds.ApprovalReminder, "warning", "team_lead"),
            (Due, OperatorAlertKinds.ApprovalEscalation, "critical", "founder"),
        ];
        foreach ((TimeSpan after, string kind, string severity, string owner) in steps)
        {
            using var cancel = new CancellationTokenSource();
            Task lapsed = context.CreateTimer(start + after, cancel.Token);
            if (await Task.WhenAny(decided, lapsed) == decided)
            {
                cancel.Cancel(); // an open durable timer would keep the instance alive
                return await decided;
            }

            await context.CallActivityAsync<bool>(OperatorAlertActivities.Send, new OperatorAlert(input.Tenant, kind, severity,
                $"Incident update waits for approval: incident {input.IncidentId}",
                $"Tenant {input.Tenant}, incident {input.IncidentId}: the customer-update draft {input.DraftId} has waited {after.TotalMinutes:0} min for approval.",
                $"{context.InstanceId}:{kind}", owner, OperatorLinks.PendingApprovals(input.Tenant)), Retries.Notification);
        }

        return await decided;
    }
}
