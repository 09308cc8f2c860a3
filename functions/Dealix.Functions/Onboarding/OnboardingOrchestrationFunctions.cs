using Dealix.Functions.Durable;
using Dealix.Functions.Infrastructure.CustomerSuccess;
using Dealix.Functions.Infrastructure.Onboarding;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Onboarding;
using Dealix.Orchestrations.Onboarding.Activities;
using Dealix.Orchestrations.Onboarding.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Onboarding;

/// <summary>
/// The onboarding area's orchestrators and activities as functions (for the Functions host and for our host). Each only
/// hands over to the class in <c>orchestrations/Onboarding</c>; names are those classes' stored names.
/// </summary>
public static class OnboardingOrchestrationFunctions
{
    /// <summary>Runs <see cref="OnboardingOrchestrator"/>: one instance per customer.</summary>
    [Function(OnboardingOrchestrator.Name)]
    public static Task<OnboardingStatus> CustomerOnboarding([OrchestrationTrigger] TaskOrchestrationContext context, OnboardingInput input) =>
        new OnboardingOrchestrator().RunAsync(context, input);

    /// <summary>Runs <see cref="OnboardingApprovalOrchestrator"/>: waits for the decision on one step's approval.</summary>
    [Function(OnboardingApprovalOrchestrator.Name)]
    public static Task<DraftDecision> OnboardingApproval([OrchestrationTrigger] TaskOrchestrationContext context, OnboardingApprovalInput input) =>
        new OnboardingApprovalOrchestrator().RunAsync(context, input);

    /// <summary>Runs the <see cref="ReadConnectorGate"/> activity.</summary>
    [Function(ReadConnectorGate.Name)]
    public static Task<ConnectorGate> ReadConnectorGateAsync([ActivityTrigger] CustomerRef input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<ReadConnectorGate, CustomerRef, ConnectorGate>(function, instanceId, input);

    /// <summary>Runs the <see cref="RunConnectorAcceptanceTest"/> activity.</summary>
    [Function(RunConnectorAcceptanceTest.Name)]
    public static Task<ConnectorUpdateResult> RunConnectorAcceptanceTestAsync([ActivityTrigger] ConnectorUpdate input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<RunConnectorAcceptanceTest, ConnectorUpdate, ConnectorUpdateResult>(function, instanceId, input);

    /// <summary>Runs the <see cref="TroubleshootConnector"/> activity.</summary>
    [Function(TroubleshootConnector.Name)]
    public static Task<TroubleshootPlan> TroubleshootConnectorAsync([ActivityTrigger] ConnectorRecord input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<TroubleshootConnector, ConnectorRecord, TroubleshootPlan>(function, instanceId, input);

    /// <summary>Runs the <see cref="StartOrchestrationOnce"/> activity with the durable client of this invocation.</summary>
    [Function(StartOrchestrationOnce.Name)]
    public static Task<bool> StartOrchestrationOnceAsync([ActivityTrigger] StartOnceInput input, [DurableClient] DurableTaskClient client, string instanceId, FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(function);
        TimeSpan? dayLength = function.InstanceServices.GetService<IOptions<CustomerSuccessOptions>>()?.Value.TestDayLength;
        return new StartOrchestrationOnce(new ClientOrchestrationStarter(client, dayLength)).RunAsync(new NamedActivityContext(function.FunctionDefinition.Name, instanceId), input);
    }

    private sealed class NamedActivityContext(string name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;

        public override string InstanceId { get; } = instanceId;
    }
}
