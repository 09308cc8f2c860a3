using Microsoft.DurableTask;
using Dealix.Orchestrations.Samples.Activities;

namespace Dealix.Orchestrations.Samples;

/// <summary>
/// The canonical Durable Functions sample: greets five cities one after another. Used to smoke-test a deployment
/// and by the benchmarks; it has no business meaning.
/// </summary>
[DurableTask(Name)]
public sealed class HelloCitiesOrchestrator : TaskOrchestrator<object?, List<string>>
{
    /// <summary>WARNING: stored in history.</summary>
    public const string Name = "HelloCities";

    /// <summary>The cities, in order.</summary>
    public static IReadOnlyList<string> Cities { get; } = ["Tokyo", "Seattle", "London", "Amsterdam", "Mumbai"];

    public override async Task<List<string>> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var greetings = new List<string>(Cities.Count);
        foreach (string city in Cities)
        {
            greetings.Add(await context.CallActivityAsync<string>(SayHello.Name, city));
        }

        return greetings;
    }
}
