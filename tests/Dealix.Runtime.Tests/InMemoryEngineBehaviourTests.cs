using Dealix.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.DurableTask.Tests;

/// <summary>The shared behavioural suite on the in-memory backend with a virtual clock.</summary>
public sealed class InMemoryEngineBehaviourTests : EngineBehaviourTests
{
    protected override async Task<IDurableTestHub> StartHubAsync(Action<DurableTaskRegistry> tasks, Action<IServiceCollection>? services = null) =>
        await HostFixture.StartAsync(tasks, services);
}
