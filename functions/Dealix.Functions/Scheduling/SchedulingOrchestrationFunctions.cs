using Dealix.Functions.Durable;
using Dealix.Orchestrations.Scheduling;
using Dealix.Orchestrations.Scheduling.Activities;
using Dealix.Orchestrations.Scheduling.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Dealix.Functions.Scheduling;

/// <summary>The scheduled-job orchestrator and its activities as functions (names are the classes' stored names).</summary>
public static class SchedulingOrchestrationFunctions
{
    /// <summary>Runs <see cref="ScheduledJobOrchestrator"/>: one per job and period.</summary>
    [Function(ScheduledJobOrchestrator.Name)]
    public static Task<ScheduledJobResult> ScheduledJob([OrchestrationTrigger] TaskOrchestrationContext context, ScheduledJobInput input) =>
        new ScheduledJobOrchestrator().RunAsync(context, input);

    /// <summary>Runs the <see cref="CheckGlobalPause"/> activity.</summary>
    [Function(CheckGlobalPause.Name)]
    public static Task<bool> CheckGlobalPauseAsync([ActivityTrigger] string input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<CheckGlobalPause, string, bool>(function, instanceId, input);

    /// <summary>Runs the <see cref="ListScheduledTenants"/> activity.</summary>
    [Function(ListScheduledTenants.Name)]
    public static Task<IReadOnlyList<string>> ListScheduledTenantsAsync([ActivityTrigger] string input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<ListScheduledTenants, string, IReadOnlyList<string>>(function, instanceId, input);
}
