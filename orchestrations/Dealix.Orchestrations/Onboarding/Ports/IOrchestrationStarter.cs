using System.Text.Json;

namespace Dealix.Orchestrations.Onboarding.Ports;

/// <summary>Starts an orchestration under a fixed instance id at most once (the app implements it over the durable client).</summary>
public interface IOrchestrationStarter
{
    /// <summary>Starts <paramref name="orchestrator"/> as <paramref name="instanceId"/>; false when that instance already exists.</summary>
    Task<bool> StartOnceAsync(string orchestrator, string instanceId, JsonElement input, CancellationToken cancellationToken = default);
}
