using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Onboarding.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Onboarding.Activities;

/// <summary>
/// Records a connector's §6.6 acceptance test: a pass moves the connector from <c>configuring</c> to the connected
/// state its default mode lands in; a failure moves it to <c>failed</c> with the cause. Every move goes through the
/// §6.3 machine against the stored state, so a retry that finds the move done is refused, not repeated.
/// </summary>
[DurableTask(Name)]
public sealed class RunConnectorAcceptanceTest(IConnectorStore connectors, TimeProvider clock) : TaskActivity<ConnectorUpdate, ConnectorUpdateResult>
{
    public const string Name = "RunConnectorAcceptanceTest";

    public override Task<ConnectorUpdateResult> RunAsync(TaskActivityContext context, ConnectorUpdate input) =>
        ConnectorChanges.ApplyAsync(connectors, input, clock.GetUtcNow().UtcDateTime);
}
