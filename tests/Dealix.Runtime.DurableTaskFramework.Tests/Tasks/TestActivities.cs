using Microsoft.DurableTask;

namespace Dealix.Runtime.DurableTaskFramework.Tests.Tasks;

internal sealed class Greet : TaskActivity<string, string>
{
    public const string Name = "Greet";

    public override Task<string> RunAsync(TaskActivityContext context, string city) => Task.FromResult($"Hello {city}!");
}

internal sealed class Explode : TaskActivity<string?, string>
{
    public const string Name = "Explode";

    public override Task<string> RunAsync(TaskActivityContext context, string? input) =>
        throw new InvalidOperationException("boom", new FormatException("bad fuse"));
}

/// <summary>Increments a counter the test owns (a singleton in the host's services).</summary>
internal sealed class IncrementRunCount(RunCounter counter) : TaskActivity<string, int>
{
    public const string Name = "IncrementRunCount";

    public override Task<int> RunAsync(TaskActivityContext context, string input) => Task.FromResult(counter.Increment());
}

internal sealed class RunCounter
{
    private int _count;

    public int Increment() => Interlocked.Increment(ref _count);
}
