using Dealix.Functions.Durable;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Activities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Dealix.Functions.Tasks;

/// <summary>
/// The human-task sweep and activities as functions (listed in functions.metadata for the Functions host, run by our host on the
/// Dealix engine). Each hands over to the class in <c>orchestrations/Tasks</c>.
/// </summary>
public static class HumanTaskFunctions
{
    /// <summary>Runs the <see cref="CreateHumanTask"/> activity.</summary>
    [Function(CreateHumanTask.Name)]
    public static Task<bool> CreateHumanTaskAsync([ActivityTrigger] HumanTaskRequest input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<CreateHumanTask, HumanTaskRequest, bool>(function, instanceId, input);

    /// <summary>Runs the <see cref="CancelHumanTask"/> activity.</summary>
    [Function(CancelHumanTask.Name)]
    public static Task<bool> CancelHumanTaskAsync([ActivityTrigger] string input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<CancelHumanTask, string, bool>(function, instanceId, input);

    /// <summary>Runs <see cref="HumanTaskSweepOrchestrator"/>: one instance per sweep tick.</summary>
    [Function(HumanTaskSweepOrchestrator.Name)]
    public static Task<HumanTaskSweepResult> HumanTaskSweep([OrchestrationTrigger] TaskOrchestrationContext context, string? input) =>
        new HumanTaskSweepOrchestrator().RunAsync(context, input);

    /// <summary>Runs the <see cref="ListUndeliveredHumanTasks"/> activity.</summary>
    [Function(ListUndeliveredHumanTasks.Name)]
    public static Task<IReadOnlyList<HumanTaskDelivery>> ListUndeliveredHumanTasksAsync([ActivityTrigger] DateTimeOffset input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<ListUndeliveredHumanTasks, DateTimeOffset, IReadOnlyList<HumanTaskDelivery>>(function, instanceId, input);

    /// <summary>Runs the <see cref="MarkHumanTasksDelivered"/> activity.</summary>
    [Function(MarkHumanTasksDelivered.Name)]
    public static Task<int> MarkHumanTasksDeliveredAsync([ActivityTrigger] IReadOnlyList<HumanTaskDelivery> input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<MarkHumanTasksDelivered, IReadOnlyList<HumanTaskDelivery>, int>(function, instanceId, input);

    /// <summary>Runs the <see cref="EscalateOverdueHumanTasks"/> activity.</summary>
    [Function(EscalateOverdueHumanTasks.Name)]
    public static Task<int> EscalateOverdueHumanTasksAsync([ActivityTrigger] DateTimeOffset input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<EscalateOverdueHumanTasks, DateTimeOffset, int>(function, instanceId, input);
}
