using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Samples.Activities;

/// <summary>Returns "Hello {city}!". No side effects.</summary>
[DurableTask(Name)]
public sealed class SayHello : TaskActivity<string, string>
{
    /// <summary>WARNING: stored in history.</summary>
    public const string Name = "SayHello";

    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult($"Hello {input}!");
}
