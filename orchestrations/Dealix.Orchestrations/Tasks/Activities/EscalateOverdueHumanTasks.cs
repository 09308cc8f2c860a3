using System.Globalization;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Tasks.Ports;
using Dealix.Orchestrations.Tasks.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tasks.Activities;

/// <summary>
/// Takes the next rung of the §4.6 ladder (<see cref="EscalationLadder"/>) for every open task whose rung is due at the
/// input time: alerts the rung's role (<c>task_overdue</c>, keyed by task and level, so a retry alerts once) and then
/// records the level on the task, so the rung is never taken twice. Returns how many rungs this call recorded.
/// </summary>
[DurableTask(Name)]
public sealed class EscalateOverdueHumanTasks(IHumanTaskStore store, IOperatorAlerts alerts) : TaskActivity<DateTimeOffset, int>
{
    public const string Name = "EscalateOverdueHumanTasks";
    public const int Max = 200;

    public override async Task<int> RunAsync(TaskActivityContext context, DateTimeOffset input)
    {
        int escalated = 0;
        foreach (HumanTask task in await store.ListOverdueAsync(input, Max))
        {
            if (EscalationLadder.Next(task, input) is not { } step)
            {
                continue;
            }

            await alerts.SendAsync(Alert(task, step));
            HumanTaskDecision? decision = await store.UpdateAsync(task.Tenant, task.TaskId, current => EscalationLadder.Apply(current, step, input));
            escalated += decision is { Changed: true } ? 1 : 0;
        }

        return escalated;
    }

    /// <summary>The alert of one rung: ids only, no customer data.</summary>
    public static OperatorAlert Alert(HumanTask task, EscalationStep step)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(step);
        return new OperatorAlert(
            task.Tenant,
            OperatorAlertKinds.TaskOverdue,
            step.Severity,
            $"Overdue {task.Area} task: {task.Kind} (L{step.Level})",
            string.Create(CultureInfo.InvariantCulture,
                $"Task {task.TaskId} of role {task.OwnerRole} ({task.Status}{(task.ClaimedBy is { } by ? $" by {by}" : string.Empty)}) was due {task.DueAt:u}; escalated to {step.Role}, level {step.Level}."),
            $"task-overdue:{task.TaskId}:L{step.Level}",
            step.Role,
            $"/api/v1/tasks/{Uri.EscapeDataString(task.TaskId)}");
    }
}
