using System.Text.Json;
using Dealix.Orchestrations.Onboarding.Ports;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Infrastructure.Onboarding;

/// <summary>
/// Starts an orchestration through the durable client unless its instance exists (in any state: an onboarding or a
/// cadence is started once per customer). A start that loses a race to another start is reported as "already there".
/// </summary>
/// <param name="client">The durable client.</param>
/// <param name="cadenceTestDayLength">
/// Tests only (<c>CustomerSuccess:TestDayLength</c>): the plan-day length a customer-success cadence started here runs
/// with, as the cadences started over the CS route do; null (always in production) leaves the input as it is.
/// </param>
public sealed class ClientOrchestrationStarter(DurableTaskClient client, TimeSpan? cadenceTestDayLength = null) : IOrchestrationStarter
{
    private const string CadenceOrchestrator = "CustomerSuccessCadence";

    public async Task<bool> StartOnceAsync(string orchestrator, string instanceId, JsonElement input, CancellationToken cancellationToken = default)
    {
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return false;
        }

        if (orchestrator == CadenceOrchestrator && cadenceTestDayLength is { } dayLength && input.ValueKind == JsonValueKind.Object)
        {
            var withDayLength = System.Text.Json.Nodes.JsonObject.Create(input)!;
            withDayLength["dayLength"] = dayLength.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
            input = JsonSerializer.SerializeToElement(withDayLength);
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
