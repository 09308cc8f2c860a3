using Dealix.Orchestrations.Tasks.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tasks;

/// <summary>Registers the human-task activities with a worker; <see cref="Ports.IHumanTaskStore"/> and
/// <see cref="Notifications.IOperatorAlerts"/> must be services.</summary>
public static class TasksRegistration
{
    /// <summary>Adds <see cref="CreateHumanTask"/>, <see cref="CancelHumanTask"/> and the sweep
    /// (<see cref="HumanTaskSweepOrchestrator"/> with its activities; it also calls the deal area's CheckKillSwitch).</summary>
    public static DurableTaskRegistry AddHumanTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddActivity<CreateHumanTask>()
            .AddActivity<CancelHumanTask>()
            .AddOrchestrator<HumanTaskSweepOrchestrator>()
            .AddActivity<ListUndeliveredHumanTasks>()
            .AddActivity<MarkHumanTasksDelivered>()
            .AddActivity<EscalateOverdueHumanTasks>();
    }
}
