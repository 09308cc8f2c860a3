using Dealix.Runtime.InMemory;
using Dealix.Runtime.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dealix.Runtime.Testing;

/// <summary>
/// An in-memory task hub with a worker and a client on a virtual clock. Time moves only when the test advances it,
/// and each advance stops at every due timer and lets the hub settle, so a 30-day cadence runs in milliseconds
/// and in the same order every time.
/// </summary>
public sealed class DurableTaskTestHost : IDurableTestHub
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);
    private readonly ServiceProvider _services;
    private readonly DurableTaskWorker _worker;

    private DurableTaskTestHost(FakeTimeProvider clock, ServiceProvider services, InMemoryOrchestrationBackend backend, DurableTaskWorker worker, BackendDurableTaskClient client)
    {
        Clock = clock;
        _services = services;
        Backend = backend;
        _worker = worker;
        Client = client;
    }

    /// <summary>The virtual clock.</summary>
    public FakeTimeProvider Clock { get; }

    /// <inheritdoc />
    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The hub.</summary>
    public InMemoryOrchestrationBackend Backend { get; }

    /// <summary>The client.</summary>
    public BackendDurableTaskClient Client { get; }

    /// <summary>The services activities are created from.</summary>
    public IServiceProvider Services => _services;

    /// <summary>Starts a host.</summary>
    /// <param name="clock">The virtual clock (also registered as the <see cref="TimeProvider"/> service).</param>
    /// <param name="tasks">Registers orchestrators and activities.</param>
    /// <param name="services">Registers the services activities need (mocks of their ports).</param>
    /// <param name="options">Worker options.</param>
    /// <param name="loggerFactory">Where logs go (nowhere by default).</param>
    public static async Task<DurableTaskTestHost> StartAsync(
        FakeTimeProvider clock,
        Action<DurableTaskRegistry> tasks,
        Action<IServiceCollection>? services = null,
        DurableTaskWorkerOptions? options = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(tasks);
        var registry = new DurableTaskRegistry();
        tasks(registry);
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        services?.Invoke(collection);
        ServiceProvider provider = collection.BuildServiceProvider();
        var backend = new InMemoryOrchestrationBackend("TestHub", clock);
        var worker = new DurableTaskWorker(backend, registry, provider, options, loggerFactory ?? NullLoggerFactory.Instance, clock);
        var client = new BackendDurableTaskClient(backend, registry, timeProvider: clock);
        await worker.StartAsync();
        return new DurableTaskTestHost(clock, provider, backend, worker, client);
    }

    /// <summary>Waits until nothing is queued or running.</summary>
    public async Task WaitForIdleAsync()
    {
        using var timeout = new CancellationTokenSource(SettleTimeout);
        try
        {
            await Backend.WaitForIdleAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"The task hub did not settle within {SettleTimeout.TotalSeconds} s: an activity or orchestrator is blocked on something that is not durable.");
        }
    }

    /// <summary>
    /// Moves the clock forward by <paramref name="by"/>, stopping at every timer that falls due on the way and
    /// letting the hub settle after each.
    /// </summary>
    public async Task AdvanceTimeAsync(TimeSpan by)
    {
        DateTime target = Clock.GetUtcNow().UtcDateTime + by;
        while (true)
        {
            await WaitForIdleAsync();
            DateTime now = Clock.GetUtcNow().UtcDateTime;
            if (Backend.NextDueTime is not { } due || due > target)
            {
                break;
            }

            Clock.Advance(due > now ? due - now : TimeSpan.FromTicks(1));
        }

        DateTime settled = Clock.GetUtcNow().UtcDateTime;
        if (target > settled)
        {
            Clock.Advance(target - settled);
        }

        await WaitForIdleAsync();
    }

    /// <summary>Settles the hub and returns the instance, which must exist.</summary>
    public async Task<OrchestrationMetadata> GetInstanceAsync(string instanceId)
    {
        await WaitForIdleAsync();
        return await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true)
            ?? throw new InvalidOperationException($"Instance '{instanceId}' does not exist.");
    }

    /// <summary>Settles the hub and returns the output of a Completed instance (throws with the reason otherwise).</summary>
    public async Task<T?> GetOutputAsync<T>(string instanceId)
    {
        OrchestrationMetadata instance = await GetInstanceAsync(instanceId);
        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException(
                $"Instance '{instanceId}' is {instance.RuntimeStatus}, not Completed. {instance.FailureDetails}");
        }

        return instance.ReadOutputAs<T>();
    }

    /// <inheritdoc />
    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId)
    {
        OrchestrationMetadata instance = await GetInstanceAsync(instanceId);
        return instance.IsCompleted
            ? instance
            : throw new InvalidOperationException($"Instance '{instanceId}' is {instance.RuntimeStatus} and the hub is idle: it will not end without more time or events.");
    }

    /// <inheritdoc />
    public async Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        OrchestrationMetadata instance = await GetInstanceAsync(instanceId);
        return condition(instance)
            ? instance
            : throw new InvalidOperationException($"Instance '{instanceId}' ({instance.RuntimeStatus}, status {instance.SerializedCustomStatus}) does not meet the condition and the hub is idle.");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _worker.DisposeAsync();
        await Backend.DisposeAsync();
        await _services.DisposeAsync();
    }
}
