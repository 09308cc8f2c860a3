using Dealix.Orchestrations.Tasks.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tasks;

/// <summary>Registers the human-task activities with a worker; <see cref="Ports.IHumanTaskStore"/> must be a service.</summary>
public static class TasksRegistration
{
    /// <summary>Adds <see cref="CreateHumanTask"/> and <see cref="CancelHumanTask"/>.</summary>
    public static DurableTaskRegistry AddHumanTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddActivity<CreateHumanTask>()
            .AddActivity<CancelHumanTask>();
    }
}
