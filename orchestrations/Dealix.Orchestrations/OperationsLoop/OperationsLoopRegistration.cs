using Dealix.Orchestrations.OperationsLoop.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.OperationsLoop;

/// <summary>
/// Registers the operations loop's orchestrator and activities (needs <c>IOperationsStore</c>, <c>ICustomerSuccessStore</c>,
/// <c>IHumanTaskStore</c>, <c>IAuditLedger</c>, and the kill-switch, human-task, notification and report activities it calls).
/// </summary>
public static class OperationsLoopRegistration
{
    /// <summary>Adds the operations loop.</summary>
    public static DurableTaskRegistry AddOperationsLoop(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<OperationsLoopOrchestrator>()
            .AddActivity<ReadOperationsFacts>()
            .AddActivity<SaveOperationsPostMortem>()
            .AddActivity<RecordOperationsAction>();
    }
}
