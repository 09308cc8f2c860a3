using System.Text.Json;
using Dealix.Orchestrations.Onboarding.Ports;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Infrastructure.Onboarding;

/// <summary>
/// Starts an orchestration through the durable client unless its instance exists (in any state: an onboarding or a
/// cadence is started once per customer). A start that loses a race to another start is reported as "already there".
/// </summary>
public sealed class ClientOrchestrationStarter(DurableTaskClient client) : IOrchestrationStarter
{
    public async Task<bool> StartOnceAsync(string orchestrator, string instanceId, JsonElement input, CancellationToken cancellationToken = default)
    {
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId), cancellationToken);
            return true;
        }
        catch (Exception e) when (e.GetType().Name == "OrchestrationAlreadyExistsException")
        {
            // DurableTask.Core's OrchestrationAlreadyExistsException (Dealix engine, Microsoft's provider): started meanwhile.
            return false;
        }
    }
}
