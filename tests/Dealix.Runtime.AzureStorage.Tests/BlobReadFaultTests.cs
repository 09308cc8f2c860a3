using Dealix.Runtime.AzureStorage.Tests.Infrastructure;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>
/// Transient blob read errors are not corrupt history: with every blob's first downloads answered 503 by a loopback
/// proxy in front of Azurite, instances whose state, history and messages live in blobs (payloads over 48 KB) complete
/// with the right output, and nothing is dead-lettered or failed.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class BlobReadFaultTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int PayloadChars = 60_000;

    [Fact]
    public async Task BlobDownloads503_BlobBackedInstancesComplete_NothingDeadLettered()
    {
        // Five 503s per blob: more than the SDK's four tries, so the first read of every blob fails all the way up.
        await using FaultyBlobProxy proxy = await FaultyBlobProxy.StartAsync(azurite.Azurite.BlobPort, failuresPerBlob: 5);
        await using AzureStorageTestHub hub = await AzureStorageTestHub.StartAsync(proxy.ConnectionString(azurite.Azurite), output, tasks => tasks
            .AddOrchestratorFunc<string, string>("BigPayload", async (context, input) =>
            {
                string reversed = await context.CallActivityAsync<string>("Reverse", input);
                await context.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
                string back = await context.CallActivityAsync<string>("Reverse", reversed);
                return $"{back.Length}:{back == input}";
            })
            .AddActivityFunc<string, string>("Reverse", (_, text) => new string([.. text.Reverse()])),
            configure: o => o.InstanceCacheSize = 0); // every episode reads its state and history from storage

        List<string> ids = [];
        for (int i = 0; i < 6; i++)
        {
            ids.Add(await hub.Client.ScheduleNewOrchestrationInstanceAsync("BigPayload", Payload(i), new StartOrchestrationOptions($"big-{i}")));
        }

        Dictionary<string, OrchestrationMetadata> done = await WaitForAllAsync(hub.Client, ids);
        output.WriteLine($"proxy: {proxy.Faulted} downloads answered 503 over {proxy.BlobsFaulted} blobs, {proxy.Forwarded} requests forwarded");

        foreach (string id in ids)
        {
            Assert.True(done[id].RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id} is {done[id].RuntimeStatus}: {done[id].FailureDetails?.ErrorMessage}");
            Assert.Equal($"{PayloadChars}:True", done[id].ReadOutputAs<string>());
        }

        Assert.True(proxy.Faulted >= 5, $"the proxy answered only {proxy.Faulted} downloads with 503");
        Assert.Empty(await hub.Backend.ListDeadLettersAsync());
    }

    /// <summary>
    /// Waits until every instance has ended. The test's own reads of blob-backed state meet the 503s too and say so
    /// (a transient error, not "unknown instance"): those reads are simply tried again.
    /// </summary>
    private static async Task<Dictionary<string, OrchestrationMetadata>> WaitForAllAsync(DurableTaskClient client, List<string> ids)
    {
        var done = new Dictionary<string, OrchestrationMetadata>(StringComparer.Ordinal);
        DateTime deadline = DateTime.UtcNow.AddMinutes(2);
        while (done.Count < ids.Count)
        {
            foreach (string id in ids.Where(id => !done.ContainsKey(id)))
            {
                try
                {
                    if (await client.GetInstanceAsync(id, getInputsAndOutputs: true) is { } state && SampleTasksEnded(state.RuntimeStatus))
                    {
                        done[id] = state;
                    }
                }
                catch (Azure.RequestFailedException e) when (e.Status == 503)
                {
                    // the proxy's 503 for this read: next round
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"{ids.Count - done.Count} of {ids.Count} instances did not end within 2 minutes");
            await Task.Delay(500);
        }

        return done;
    }

    private static bool SampleTasksEnded(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    private static string Payload(int seed)
    {
        var random = new Random(seed);
        return string.Create(PayloadChars, random, (span, r) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = (char)r.Next('a', 'z' + 1);
            }
        });
    }
}
