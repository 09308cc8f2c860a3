
namespace Dealix.Runtime.AzureStorage.Tests.Infrastructure;

/// <summary>Bounded waits over many instances, reading the authoritative instance rows.</summary>
public static class Completion
{
    public static async Task<Dictionary<string, OrchestrationMetadata>> WaitForAllAsync(
        DurableTaskClient client, IReadOnlyCollection<string> ids, TimeSpan limit, ITestOutputHelper? output = null)
    {
        var done = new Dictionary<string, OrchestrationMetadata>(StringComparer.Ordinal);
        DateTime deadline = DateTime.UtcNow + limit;
        DateTime nextReport = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            foreach (string[] chunk in ids.Where(id => !done.ContainsKey(id)).Chunk(32))
            {
                OrchestrationMetadata?[] states = await Task.WhenAll(chunk.Select(id => client.GetInstanceAsync(id, getInputsAndOutputs: true)));
                foreach (OrchestrationMetadata? state in states)
                {
                    if (state is not null && (state.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
                    {
                        done[state.InstanceId] = state;
                    }
                }
            }

            if (done.Count == ids.Count)
            {
                return done;
            }

            if (DateTime.UtcNow > deadline)
            {
                string[] stuck = ids.Where(id => !done.ContainsKey(id)).Take(5).ToArray();
                throw new TimeoutException($"{ids.Count - done.Count} of {ids.Count} instances did not end within {limit.TotalSeconds} s, e.g. {string.Join(", ", stuck)}.");
            }

            if (DateTime.UtcNow > nextReport)
            {
                output?.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {done.Count}/{ids.Count} ended");
                nextReport = DateTime.UtcNow.AddSeconds(10);
            }

            await Task.Delay(1000);
        }
    }

    public static async Task<List<string>> ScheduleManyAsync(DurableTaskClient client, int count, Func<int, Task<string>> schedule)
    {
        var ids = new List<string>(count);
        foreach (int[] chunk in Enumerable.Range(0, count).Chunk(25))
        {
            ids.AddRange(await Task.WhenAll(chunk.Select(schedule)));
        }

        return ids;
    }
}
