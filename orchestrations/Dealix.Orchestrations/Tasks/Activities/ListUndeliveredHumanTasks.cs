using Dealix.Orchestrations.Tasks.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tasks.Activities;

/// <summary>
/// The ended tasks whose outcome was stored but not marked delivered, ended at least <see cref="Grace"/> before the
/// input time (the API raises and marks right away; older ones are those a crash or a failed raise left behind). At most
/// <see cref="Max"/> per sweep.
/// </summary>
[DurableTask(Name)]
public sealed class ListUndeliveredHumanTasks(IHumanTaskStore store) : TaskActivity<DateTimeOffset, IReadOnlyList<HumanTaskDelivery>>
{
    public const string Name = "ListUndeliveredHumanTasks";
    public const int Max = 100;
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    public override async Task<IReadOnlyList<HumanTaskDelivery>> RunAsync(TaskActivityContext context, DateTimeOffset input)
    {
        IReadOnlyList<HumanTask> undelivered = await store.ListUndeliveredAsync(Max);
        return [.. undelivered
            .Where(t => t.Outcome is { } o && o.CompletedAt <= input - Grace)
            .Select(t => new HumanTaskDelivery(t.Tenant, t.TaskId, t.InstanceId, t.Outcome!))];
    }
}
