using Dealix.Runtime.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Runtime.Tests;

/// <summary>The shared behavioural suite on the in-memory backend with a virtual clock.</summary>
public sealed class InMemoryEngineBehaviourTests : EngineBehaviourTests
{
    protected override async Task<IDurableTestHub> StartHubAsync(Action<DurableTaskRegistry> tasks, Action<IServiceCollection>? services = null) =>
        await HostFixture.StartAsync(tasks, services);
}

/// <summary>The shared suite with every activity sent through the backend's queue instead of run in process.</summary>
public sealed class InMemoryQueuedActivitiesBehaviourTests : EngineBehaviourTests
{
    protected override async Task<IDurableTestHub> StartHubAsync(Action<DurableTaskRegistry> tasks, Action<IServiceCollection>? services = null) =>
        await HostFixture.StartAsync(tasks, services, options: new Worker.DurableTaskWorkerOptions { InlineActivities = false });
}
