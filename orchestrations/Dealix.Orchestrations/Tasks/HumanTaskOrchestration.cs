using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tasks;

/// <summary>How an orchestration hands a step to a human role and waits for it.</summary>
public static class HumanTaskOrchestration
{
    /// <summary>
    /// Creates the task (idempotent by its id; storage outages retried) and waits for its outcome. The wait has no deadline of its own: the task
    /// store escalates an overdue task (§4.6). A caller that must stop waiting races this with its own durable timer and
    /// then calls <see cref="HumanTaskActivities.Cancel"/>.
    /// </summary>
    public static async Task<HumanTaskOutcome> RunHumanTaskAsync(this TaskOrchestrationContext context, HumanTaskRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);

        // An event raised before the wait starts is buffered by the instance, so a quick operator is not missed.
        await context.CallActivityAsync<bool>(HumanTaskActivities.Create, request, Deals.Retries.Storage);
        return await context.WaitForExternalEvent<HumanTaskOutcome>(HumanTaskEvents.Completed(request.TaskId), cancellationToken);
    }
}
