using Dealix.Orchestrations.Deals.Connectors.Contracts;
using Dealix.Orchestrations.Onboarding.Ports;
using Dealix.Orchestrations.Onboarding.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Deals.Connectors.Activities;

/// <summary>
/// Reads one of the tenant's own connectors from the connectors store and says whether automation may prepare an action
/// through it (§6.3: only a connected connector; <see cref="ConnectorPolicy"/>). Reads only.
/// </summary>
[DurableTask(Name)]
public sealed class CheckDealConnector(IConnectorStore connectors) : TaskActivity<ConnectorRef, ConnectorCheck>
{
    public const string Name = "CheckDealConnector";

    public override async Task<ConnectorCheck> RunAsync(TaskActivityContext context, ConnectorRef input)
    {
        ArgumentNullException.ThrowIfNull(input);
        string customerId = DealConnectorActions.ConnectorsCustomerId(input.TenantId);
        string state = (await connectors.ListAsync(input.TenantId, customerId)).FirstOrDefault(c => c.ConnectorId == input.ConnectorId)?.State ?? "not_started";
        return new ConnectorCheck(input.ConnectorId, state, ConnectorPolicy.Refusal(input.ConnectorId, state, "create_draft", liveFlag: false, approved: false));
    }
}
