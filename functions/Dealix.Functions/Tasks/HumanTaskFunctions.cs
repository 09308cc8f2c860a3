using Dealix.Functions.Durable;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Activities;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.Tasks;

/// <summary>
/// The human-task activities as functions (listed in functions.metadata for the Functions host, run by our host on the
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
}
