using Dealix.Orchestrations.Deals.Connectors.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Deals.Connectors;

/// <summary>Registers the deal connector actions' orchestrator and activities with a worker (ports: <c>Connectors/Ports</c>,
/// <c>IConnectorStore</c>).</summary>
public static class DealConnectorsRegistration
{
    /// <summary>Adds <see cref="DealConnectorActionOrchestrator"/>, <see cref="CheckDealConnector"/> and <see cref="ExecuteConnectorAction"/>.</summary>
    public static DurableTaskRegistry AddDealConnectors(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<DealConnectorActionOrchestrator>()
            .AddActivity<CheckDealConnector>()
            .AddActivity<ExecuteConnectorAction>();
    }
}
