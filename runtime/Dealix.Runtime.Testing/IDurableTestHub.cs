
namespace Dealix.Runtime.Testing;

/// <summary>
/// What a backend-independent engine test needs from a running task hub, so that one behavioural suite runs on
/// the in-memory backend (virtual clock) and on Azure Storage (real clock, Azurite).
/// </summary>
public interface IDurableTestHub : IAsyncDisposable
{
    /// <summary>The client.</summary>
    BackendDurableTaskClient Client { get; }

    /// <summary>The hub's "now": the virtual clock's, or the wall clock's.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Lets <paramref name="by"/> pass: instantly on a virtual clock, really on a real one.</summary>
    Task AdvanceTimeAsync(TimeSpan by);

    /// <summary>Waits (bounded) until the instance has ended, and returns it with inputs and outputs.</summary>
    Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId);

    /// <summary>Waits (bounded) until the instance's custom status or status satisfies a condition.</summary>
    Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition);
}
