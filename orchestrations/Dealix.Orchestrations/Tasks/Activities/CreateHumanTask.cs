using Dealix.Orchestrations.Tasks.Ports;
using Dealix.Orchestrations.Tasks.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tasks.Activities;

/// <summary>
/// Puts a human-owned step on its role's task list. Idempotent by the task id: a retried or replayed call finds the
/// task and leaves it as it is. Returns true when this call created it. An invalid request is a bug of the calling
/// orchestration and fails the activity.
/// </summary>
[DurableTask(Name)]
public sealed class CreateHumanTask(IHumanTaskStore store, TimeProvider clock) : TaskActivity<HumanTaskRequest, bool>
{
    public const string Name = "CreateHumanTask";

    public override Task<bool> RunAsync(TaskActivityContext context, HumanTaskRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (HumanTaskRules.Validate(input) is { } error)
        {
            throw new ArgumentException($"Human task {input.TaskId}: {error}", nameof(input));
        }

        return store.CreateAsync(HumanTask.From(input, clock.GetUtcNow()));
    }
}
