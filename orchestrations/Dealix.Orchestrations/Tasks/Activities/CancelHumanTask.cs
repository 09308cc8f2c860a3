using Dealix.Orchestrations.Tasks.Ports;
using Dealix.Orchestrations.Tasks.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tasks.Activities;

/// <summary>
/// Withdraws an open task when its workflow stopped waiting (its own deadline won, or the step became moot). Returns
/// true when this call cancelled it; false when it was unknown or had already ended (an operator was quicker).
/// </summary>
[DurableTask(Name)]
public sealed class CancelHumanTask(IHumanTaskStore store, TimeProvider clock) : TaskActivity<string, bool>
{
    public const string Name = "CancelHumanTask";

    public override async Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        if (!HumanTaskRules.IsTaskId(input) || await store.FindTenantAsync(input) is not { } tenant)
        {
            return false;
        }

        HumanTaskDecision? decision = await store.UpdateAsync(tenant, input, task => HumanTaskRules.Cancel(task, clock.GetUtcNow()));
        return decision is { Changed: true };
    }
}
