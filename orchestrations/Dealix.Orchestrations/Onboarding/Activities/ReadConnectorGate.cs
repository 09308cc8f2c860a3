using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Onboarding.Ports;
using Dealix.Orchestrations.Onboarding.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Onboarding.Activities;

/// <summary>Reads a customer's connectors and computes the §6.4 <c>ready_for_first_service</c> gate. Reads only.</summary>
[DurableTask(Name)]
public sealed class ReadConnectorGate(IConnectorStore connectors) : TaskActivity<CustomerRef, ConnectorGate>
{
    public const string Name = "ReadConnectorGate";

    public override async Task<ConnectorGate> RunAsync(TaskActivityContext context, CustomerRef input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ConnectorMachine.Gate(input.TenantId, input.CustomerId, await connectors.ListAsync(input.TenantId, input.CustomerId));
    }
}
