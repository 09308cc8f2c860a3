using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Dealix.Orchestrations.Samples;
using Microsoft.AspNetCore.Http;

namespace Dealix.Functions.Samples;

/// <summary>
/// Starts <see cref="HelloCitiesOrchestrator"/> and answers 202 with its status URLs, like the Durable Functions
/// template's HTTP starter. A smoke test of a deployment; it has no business meaning.
/// </summary>
public static class HelloCitiesHttpStart
{
    public const string Name = "HelloCities_HttpStart";

    [Function(Name)]
    public static async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "samples/hello-cities")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellation)
    {
        string instanceId = await client.ScheduleNewOrchestrationInstanceAsync(HelloCitiesOrchestrator.Name, cancellation);
        // The Durable extension's own payload: on Azure and on our host it carries the management URLs with their key.
        HttpManagementPayload payload = client.CreateHttpManagementPayload(instanceId);
        return Results.Accepted(payload.StatusQueryGetUri, payload);
    }
}
