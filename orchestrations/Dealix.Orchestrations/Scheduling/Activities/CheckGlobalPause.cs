using Dealix.Orchestrations.Deals.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Scheduling.Activities;

/// <summary>Reads the global kill switch (§17.8): true while every loop is paused. Input: the job's name (for the log).</summary>
[DurableTask(Name)]
public sealed class CheckGlobalPause(IKillSwitch killSwitch) : TaskActivity<string, bool>
{
    public const string Name = "CheckGlobalPause";

    public override Task<bool> RunAsync(TaskActivityContext context, string input) => killSwitch.IsPausedAsync(null);
}
