using Dealix.Orchestrations.Samples;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Samples;

/// <summary>
/// Starts <see cref="HelloCitiesOrchestrator"/> with the worker's own HTTP model (<see cref="HttpRequestData"/> in,
/// <see cref="HttpResponseData"/> out), as the isolated Durable Functions template writes it: the check-status
/// response is the Durable extension's, 202 with Location. A smoke test of both hosts; it has no business meaning.
/// </summary>
public static class HelloCitiesClassicHttpStart
{
    public const string Name = "HelloCities_ClassicHttpStart";

    [Function(Name)]
    public static async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "samples/hello-cities-classic")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        string instanceId = await client.ScheduleNewOrchestrationInstanceAsync(HelloCitiesOrchestrator.Name, context.CancellationToken);
        return await client.CreateCheckStatusResponseAsync(request, instanceId, context.CancellationToken);
    }
}
