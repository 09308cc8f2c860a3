using Dealix.Orchestrations.Scheduling.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Scheduling;

/// <summary>Registers the scheduled-job orchestrator and its activities (needs <c>IKillSwitch</c> and <c>ITenantDirectory</c>).</summary>
public static class SchedulingRegistration
{
    /// <summary>Adds <see cref="ScheduledJobOrchestrator"/> and its activities.</summary>
    public static DurableTaskRegistry AddScheduling(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<ScheduledJobOrchestrator>()
            .AddActivity<CheckGlobalPause>()
            .AddActivity<ListScheduledTenants>();
    }
}
