using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Tasks.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tasks;

/// <summary>
/// The every-5-minutes task sweep (§18's SLA sweep row, as a backstop): checks the kill switch, re-raises the outcomes
/// a crash left undelivered (the events are committed with this episode, then the tasks are marked), and takes the next
/// escalation rung of overdue tasks. Started by <c>HumanTaskSweepTimer</c> as <c>sched:human-task-sweep:{period}</c>.
/// </summary>
[DurableTask(Name)]
public sealed class HumanTaskSweepOrchestrator : TaskOrchestrator<string?, HumanTaskSweepResult>
{
    public const string Name = "HumanTaskSweep";

    public override async Task<HumanTaskSweepResult> RunAsync(TaskOrchestrationContext context, string? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await context.CallActivityAsync<bool>(CheckKillSwitch.Name, null!))
        {
            return new HumanTaskSweepResult(true, 0, 0);
        }

        DateTimeOffset now = new(context.CurrentUtcDateTime, TimeSpan.Zero);
        IReadOnlyList<HumanTaskDelivery> undelivered = await context.CallActivityAsync<IReadOnlyList<HumanTaskDelivery>>(ListUndeliveredHumanTasks.Name, now);
        foreach (HumanTaskDelivery delivery in undelivered)
        {
            context.SendEvent(delivery.InstanceId, HumanTaskEvents.Completed(delivery.TaskId), delivery.Outcome);
        }

        if (undelivered.Count > 0)
        {
            await context.CallActivityAsync<int>(MarkHumanTasksDelivered.Name, undelivered);
        }

        int escalated = await context.CallActivityAsync<int>(EscalateOverdueHumanTasks.Name, now);
        return new HumanTaskSweepResult(false, undelivered.Count, escalated);
    }
}
