using Dealix.Functions.Durable;
using Dealix.Orchestrations.Samples;
using Dealix.Orchestrations.Samples.Activities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Dealix.Functions.Samples;

/// <summary>The sample's orchestrator and activity as functions, so that the Functions host (or ours) finds them.</summary>
public static class HelloCitiesFunctions
{
    /// <summary>Runs <see cref="HelloCitiesOrchestrator"/>.</summary>
    [Function(HelloCitiesOrchestrator.Name)]
    public static Task<List<string>> HelloCities([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new HelloCitiesOrchestrator().RunAsync(context, null);

    /// <summary>Runs <see cref="Orchestrations.Samples.Activities.SayHello"/>.</summary>
    [Function(SayHello.Name)]
    public static Task<string> SayHelloAsync([ActivityTrigger] string city, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<SayHello, string, string>(function, instanceId, city);
}
