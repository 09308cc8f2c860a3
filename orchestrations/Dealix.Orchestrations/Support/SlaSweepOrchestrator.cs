using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Support.Activities;
using Dealix.Orchestrations.Support.Contracts;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Support;

/// <summary>
/// One tick of the 5-minute SLA and approval-SLA sweep (§18), started by the timer under
/// <c>sched:sla-sweep:{yyyyMMddTHHmm}</c> (Asia/Riyadh), so a tick runs once. It checks the kill switch first (§17.8:
/// a paused system skips the run), then sweeps the open tickets and the pending drafts; both only escalate what no
/// per-item timer escalated (see <see cref="Tracking.SlaSweeper"/>).
/// </summary>
[DurableTask(Name)]
public sealed class SlaSweepOrchestrator : TaskOrchestrator<SlaSweepInput, SweepResult>
{
    public const string Name = "SlaSweep";

    /// <summary>The job's name in scheduled instance ids.</summary>
    public const string Job = "sla-sweep";

    public override async Task<SweepResult> RunAsync(TaskOrchestrationContext context, SlaSweepInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (await context.CallActivityAsync<bool>(CheckKillSwitch.Name, (string?)null, Retries.Storage))
        {
            return new SweepResult(0, 0, "paused");
        }

        SweepResult tickets = await context.CallActivityAsync<SweepResult>(SweepTicketSlas.Name, input.CorrelationId, Retries.Storage);
        SweepResult approvals = await context.CallActivityAsync<SweepResult>(SweepApprovalSlas.Name, input.CorrelationId, Retries.Storage);
        return new SweepResult(tickets.Examined + approvals.Examined, tickets.Escalated + approvals.Escalated);
    }
}
