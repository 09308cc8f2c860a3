using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Tracking;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Support.Activities;

/// <summary>The ticket half of the 5-minute sweep (§18): escalates lapsed checkpoints of open tickets that no timer escalated.</summary>
[DurableTask(Name)]
public sealed class SweepTicketSlas(SlaSweeper sweeper) : TaskActivity<string, SweepResult>
{
    public const string Name = "SweepTicketSlas";

    public override Task<SweepResult> RunAsync(TaskActivityContext context, string input) => sweeper.SweepTicketsAsync(input);
}
