using Dealix.Runtime.AzureStorage.Tests.Infrastructure;
using Dealix.Runtime.Backend;
using static Dealix.Runtime.AzureStorage.Tests.Infrastructure.Episodes;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>
/// The exact bound of de-duplication (documented in the backend's README and RELIABILITY.md): an instance remembers
/// the ids of the last <see cref="AzureStorageOptions.DeduplicationWindow"/> messages it consumed, so a copy of a
/// consumed message (a queue message redelivered after its episode committed, an outbox row sent again) is dropped
/// while fewer than that many newer messages were consumed after it, and applied a second time once that many were.
/// The test uses a window of 5 instead of 400 to show the bound on both sides.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class DeduplicationWindowTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Window = 5;

    [Theory]
    [InlineData(Window - 1, false)]
    [InlineData(Window, true)]
    public async Task CopyOfAConsumedEvent_IsDroppedWhileFewerThanTheWindowConsumedAfterIt_AppliedAgainAfter(int newer, bool appliedAgain)
    {
        await using HubScope hub = await HubScope.CreateAsync(azurite.ConnectionString, output);
        AzureStorageOrchestrationBackend backend = hub.NewBackend(o => o.DeduplicationWindow = Window);
        await CreateAsync(backend, "window");
        OrchestrationWorkItem started = await LockAsync(backend);
        await backend.CompleteOrchestrationWorkItemAsync(started, Commit(started, OrchestrationRuntimeStatus.Running));

        OrchestrationMessage approved = Event("window", "Approved", "true");
        await ConsumeAsync(backend, approved);
        for (int i = 0; i < newer; i++)
        {
            await ConsumeAsync(backend, Event("window", $"Newer{i}"));
        }

        // A copy of the consumed event arrives, then a new one.
        await backend.SendMessageAsync(approved);
        await backend.SendMessageAsync(Event("window", "Shipped"));
        var names = new List<string>();
        while (!names.Contains("Shipped"))
        {
            OrchestrationWorkItem next = await LockAsync(backend);
            names.AddRange(next.NewMessages.Select(m => Assert.IsType<EventRaisedEvent>(m.Event).Name));
            await backend.CompleteOrchestrationWorkItemAsync(next, Commit(next, OrchestrationRuntimeStatus.Running));
        }

        Assert.Equal(appliedAgain ? ["Approved", "Shipped"] : ["Shipped"], names);
    }

    private static async Task ConsumeAsync(AzureStorageOrchestrationBackend backend, OrchestrationMessage message)
    {
        await backend.SendMessageAsync(message);
        OrchestrationWorkItem item = await LockAsync(backend);
        Assert.Equal(message.MessageId, Assert.Single(item.NewMessages).MessageId);
        await backend.CompleteOrchestrationWorkItemAsync(item, Commit(item, OrchestrationRuntimeStatus.Running));
    }
}
