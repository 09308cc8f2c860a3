using Microsoft.DurableTask;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Orchestrations.Deals.Activities;

/// <summary>Reads the kill switch (§17.8) for a tenant: true while automation is paused.</summary>
[DurableTask(Name)]
public sealed class CheckKillSwitch(IKillSwitch killSwitch) : TaskActivity<string, bool>
{
    public const string Name = "CheckKillSwitch";

    public override Task<bool> RunAsync(TaskActivityContext context, string input) => killSwitch.IsPausedAsync(input);
}
