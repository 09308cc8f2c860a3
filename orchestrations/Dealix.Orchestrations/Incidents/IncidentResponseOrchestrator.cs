using Dealix.Orchestrations.Incidents.Contracts;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Incidents;

/// <summary>
/// One incident from triage to close (§13, §20), under the id <c>incident:{tenant}:{incidentId}</c>: SEV triage (§13.1);
/// the automatic freeze of the tenant for SEV1/SEV2 and the founder page; the canonical 5-step plan plus the severity's
/// steps as human tasks each owner acknowledges (§13.2, §13.3); customer updates on the severity's cadence as drafts in
/// the approval center (§13.5); the PDPL 72-hour clock with founder reminders at +24/+48/+60 h and a breach alert at
/// +72 h when personal data is involved; the post-mortem draft once resolved (§13.4). Unfreezing is only the founder's
/// decision (the unfreeze task). Started by <c>IncidentLauncher</c> (operator route, uptime rule, P0 ticket). Never
/// sends anything to a customer itself: every update waits for approval.
/// </summary>
[DurableTask(Name)]
public sealed class IncidentResponseOrchestrator : TaskOrchestrator<IncidentOpenRequest, IncidentState>
{
    public const string Name = "IncidentResponse";

    public override async Task<IncidentState> RunAsync(TaskOrchestrationContext context, IncidentOpenRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        using var run = new IncidentRun(context, input);
        return await run.RunAsync();
    }
}
