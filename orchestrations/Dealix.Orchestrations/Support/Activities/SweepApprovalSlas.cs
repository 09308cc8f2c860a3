using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Tracking;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Support.Activities;

/// <summary>The approval half of the 5-minute sweep (§18, §4.4): notifies lapsed approval-SLA steps of pending drafts
/// that no approval timer notified.</summary>
[DurableTask(Name)]
public sealed class SweepApprovalSlas(SlaSweeper sweeper) : TaskActivity<string, SweepResult>
{
    public const string Name = "SweepApprovalSlas";

    public override Task<SweepResult> RunAsync(TaskActivityContext context, string input) => sweeper.SweepApprovalsAsync();
}
