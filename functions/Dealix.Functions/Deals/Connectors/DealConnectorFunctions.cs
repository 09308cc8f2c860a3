using Dealix.Functions.Durable;
using Dealix.Orchestrations.Deals.Connectors;
using Dealix.Orchestrations.Deals.Connectors.Activities;
using Dealix.Orchestrations.Deals.Connectors.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Dealix.Functions.Deals.Connectors;

/// <summary>
/// The deal connector actions' orchestrator and activities as functions (for the Functions host and for our host). Each
/// only hands over to the class in <c>orchestrations/Deals/Connectors</c>; names are those classes' stored names.
/// </summary>
public static class DealConnectorFunctions
{
    /// <summary>Runs <see cref="DealConnectorActionOrchestrator"/>: one approval-gated connector action of a deal.</summary>
    [Function(DealConnectorActionOrchestrator.Name)]
    public static Task<ConnectorActionResult> DealConnectorAction([OrchestrationTrigger] TaskOrchestrationContext context, DealConnectorAction input) =>
        new DealConnectorActionOrchestrator().RunAsync(context, input);

    /// <summary>Runs the <see cref="CheckDealConnector"/> activity.</summary>
    [Function(CheckDealConnector.Name)]
    public static Task<ConnectorCheck> CheckDealConnectorAsync([ActivityTrigger] ConnectorRef input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<CheckDealConnector, ConnectorRef, ConnectorCheck>(function, instanceId, input);

    /// <summary>Runs the <see cref="ExecuteConnectorAction"/> activity.</summary>
    [Function(ExecuteConnectorAction.Name)]
    public static Task<ConnectorActionResult> ExecuteConnectorActionAsync([ActivityTrigger] ExecuteConnectorActionInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<ExecuteConnectorAction, ExecuteConnectorActionInput, ConnectorActionResult>(function, instanceId, input);
}
