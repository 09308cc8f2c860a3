using Dealix.Orchestrations.Tasks.Ports;
using Dealix.Orchestrations.Tasks.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tasks.Activities;

/// <summary>Marks outcomes delivered after the sweep raised them (its events are committed before this runs).
/// Returns how many this call marked.</summary>
[DurableTask(Name)]
public sealed class MarkHumanTasksDelivered(IHumanTaskStore store) : TaskActivity<IReadOnlyList<HumanTaskDelivery>, int>
{
    public const string Name = "MarkHumanTasksDelivered";

    public override async Task<int> RunAsync(TaskActivityContext context, IReadOnlyList<HumanTaskDelivery> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int marked = 0;
        foreach (HumanTaskDelivery delivery in input)
        {
            HumanTaskDecision? decision = await store.UpdateAsync(delivery.Tenant, delivery.TaskId, HumanTaskRules.MarkDelivered);
            marked += decision is { Changed: true } ? 1 : 0;
        }

        return marked;
    }
}
