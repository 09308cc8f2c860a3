using Dealix.Runtime.AzureStorage.Tests.Infrastructure;
using Dealix.Runtime.Testing;
using Dealix.Runtime.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Runtime.AzureStorage.Tests;

/// <summary>The engine's shared behavioural suite on the Azure Storage backend in Azurite, on the real clock.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class AzureStorageEngineBehaviourTests(AzuriteFixture azurite, ITestOutputHelper output) : EngineBehaviourTests
{
    protected override async Task<IDurableTestHub> StartHubAsync(Action<DurableTaskRegistry> tasks, Action<IServiceCollection>? services = null) =>
        await AzureStorageTestHub.StartAsync(azurite.ConnectionString, output, tasks, services);
}
