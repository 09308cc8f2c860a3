using System.Collections.Concurrent;

namespace Dealix.Conformance.Tests.Scenarios;

/// <summary>
/// Where activities record each run, keyed by orchestration instance id (unique per test and engine): retries are
/// invisible to the orchestrator, so the test observes them here. Every engine runs its worker in this process.
/// </summary>
public static class AttemptLog
{
    private static readonly ConcurrentDictionary<string, List<DateTime>> Attempts = new();

    /// <summary>Records one run and returns its 1-based attempt number.</summary>
    public static int Record(string instanceId)
    {
        List<DateTime> runs = Attempts.GetOrAdd(instanceId, _ => []);
        lock (runs)
        {
            runs.Add(DateTime.UtcNow);
            return runs.Count;
        }
    }

    public static IReadOnlyList<DateTime> For(string instanceId)
    {
        if (!Attempts.TryGetValue(instanceId, out List<DateTime>? runs))
        {
            return [];
        }

        lock (runs)
        {
            return [.. runs];
        }
    }
}
