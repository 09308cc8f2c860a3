using Dealix.Functions.Durable;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.OperationsLoop;
using Dealix.Orchestrations.OperationsLoop.Activities;
using Dealix.Orchestrations.OperationsLoop.Contracts;
using Dealix.Orchestrations.Outreach.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Dealix.Functions.OperationsLoop;

/// <summary>The operations loop's orchestrator and activities as functions (names are the classes' stored names).</summary>
public static class OperationsLoopFunctions
{
    /// <summary>Runs <see cref="OperationsLoopOrchestrator"/>: one tenant's 06:00 checks, then its morning digest.</summary>
    [Function(OperationsLoopOrchestrator.Name)]
    public static Task<OperationsLoopResult> OperationsLoop([OrchestrationTrigger] TaskOrchestrationContext context, OutreachRunInput input) =>
        new OperationsLoopOrchestrator().RunAsync(context, input);

    /// <summary>Runs the <see cref="ReadOperationsFacts"/> activity.</summary>
    [Function(ReadOperationsFacts.Name)]
    public static Task<OperationsFacts> ReadOperationsFactsAsync([ActivityTrigger] OpsFactsInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<ReadOperationsFacts, OpsFactsInput, OperationsFacts>(function, instanceId, input);

    /// <summary>Runs the <see cref="SaveOperationsPostMortem"/> activity.</summary>
    [Function(SaveOperationsPostMortem.Name)]
    public static Task<bool> SaveOperationsPostMortemAsync([ActivityTrigger] PostMortemDraft input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<SaveOperationsPostMortem, PostMortemDraft, bool>(function, instanceId, input);

    /// <summary>Runs the <see cref="RecordOperationsAction"/> activity.</summary>
    [Function(RecordOperationsAction.Name)]
    public static Task<bool> RecordOperationsActionAsync([ActivityTrigger] OpsAuditInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<RecordOperationsAction, OpsAuditInput, bool>(function, instanceId, input);
}
