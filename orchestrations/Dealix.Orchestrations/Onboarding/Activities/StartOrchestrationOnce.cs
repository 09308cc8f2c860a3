using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Onboarding.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Onboarding.Activities;

/// <summary>
/// Starts an orchestration under its business-key instance id unless that instance already exists: how a deal entering
/// <c>pilot_active</c> starts the customer's onboarding exactly once, and how onboarding starts the customer-success
/// cadence. True when this call started it.
/// </summary>
[DurableTask(Name)]
public sealed class StartOrchestrationOnce(IOrchestrationStarter starter) : TaskActivity<StartOnceInput, bool>
{
    public const string Name = "StartOrchestrationOnce";

    public override Task<bool> RunAsync(TaskActivityContext context, StartOnceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return starter.StartOnceAsync(input.Orchestrator, input.InstanceId, input.Input);
    }
}
