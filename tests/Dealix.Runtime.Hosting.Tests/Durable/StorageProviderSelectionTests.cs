using Dealix.Runtime.Backend;
using Dealix.Runtime.Client;
using Dealix.Runtime.DurableTaskFramework;
using Dealix.Runtime.Hosting.Configuration;
using Dealix.Runtime.Hosting.Durable;
using Dealix.Runtime.Hosting.Timers;
using Dealix.Runtime.InMemory;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Runtime.Hosting.Tests.Durable;

/// <summary>
/// host.json <c>extensions.durableTask.storageProvider.type</c> picks the engine: Dealix (default), InMemory or
/// Microsoft's AzureStorage; the app setting overrides host.json; anything else is refused at startup. The apps are
/// built, never started, so no storage is touched.
/// </summary>
[Collection(ProviderEnvironmentTests.Name)]
public sealed class StorageProviderSelectionTests
{
    private const string Connection = "UseDevelopmentStorage=true";

    [Theory]
    [InlineData(null, FunctionsHostOptions.DealixProvider)]
    [InlineData("Dealix", FunctionsHostOptions.DealixProvider)]
    [InlineData("azurestorage", FunctionsHostOptions.AzureStorageProvider)]
    [InlineData("InMemory", FunctionsHostOptions.InMemoryProvider)]
    public void From_HostJsonType_IsTheProviderInEffect(string? type, string expected)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:type"] = type,
        }).Build();

        Assert.Equal(expected, FunctionsHostOptions.From(configuration).StorageType);
    }

    [Fact]
    public void From_DealixDurableProviderSetting_WinsOverHostJsonAndItsOverride()
    {
        // A custom-handler package tells the Functions host "AzureStorage" (its Durable extension knows no other type)
        // and our host, through its own setting, "Dealix".
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:type"] = "AzureStorage",
            [FunctionsHostOptions.DurableProviderSetting] = "Dealix",
        }).Build();

        Assert.Equal(FunctionsHostOptions.DealixProvider, FunctionsHostOptions.From(configuration).StorageType);
    }

    [Fact]
    public async Task Build_AzureStorage_ServesMicrosoftsClientAndNoDealixBackend()
    {
        await using FunctionsApplication app = Build(HostJson("AzureStorage"));

        Assert.IsType<DtfxDurableTaskClient>(app.Services.GetRequiredService<DurableTaskClient>());
        Assert.Null(app.Services.GetService<IOrchestrationBackend>());
        Assert.Contains(app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is DtfxWorkerService);
        Assert.IsType<BlobScheduleMonitor>(app.Services.GetRequiredService<IScheduleMonitor>());
    }

    [Fact]
    public async Task Build_Dealix_ServesTheDealixEngineOnBlobsAndTables()
    {
        await using FunctionsApplication app = Build(HostJson("Dealix"));

        Assert.IsType<BackendDurableTaskClient>(app.Services.GetRequiredService<DurableTaskClient>());
        Assert.IsNotType<InMemoryOrchestrationBackend>(app.Services.GetRequiredService<IOrchestrationBackend>());
        Assert.IsType<BlobScheduleMonitor>(app.Services.GetRequiredService<IScheduleMonitor>());
    }

    [Fact]
    public async Task Build_EnvironmentVariable_OverridesHostJson()
    {
        Environment.SetEnvironmentVariable(ProviderVariable, "InMemory");
        try
        {
            await using FunctionsApplication app = Build(HostJson("AzureStorage"));

            Assert.Equal(FunctionsHostOptions.InMemoryProvider, app.Options.StorageType);
            Assert.IsType<InMemoryOrchestrationBackend>(app.Services.GetRequiredService<IOrchestrationBackend>());
            Assert.IsType<InMemoryScheduleMonitor>(app.Services.GetRequiredService<IScheduleMonitor>());
        }
        finally
        {
            Environment.SetEnvironmentVariable(ProviderVariable, null);
        }
    }

    [Fact]
    public void Build_UnknownType_IsRefusedNamingTheAllowedValues()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(HostJson("Netherite")));

        Assert.Contains("'Netherite'", error.Message, StringComparison.Ordinal);
        Assert.All(["'Dealix'", "'AzureStorage'", "'InMemory'"], allowed => Assert.Contains(allowed, error.Message, StringComparison.Ordinal));
    }

    private const string ProviderVariable = "AzureFunctionsJobHost__extensions__durableTask__storageProvider__type";

    private static string HostJson(string type) =>
        $$"""{ "version": "2.0", "extensions": { "durableTask": { "hubName": "SelectHub", "storageProvider": { "type": "{{type}}" } } } }""";

    private static FunctionsApplication Build(string hostJson)
    {
        string root = Path.Combine(Path.GetTempPath(), "dealix-host-provider-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "host.json"), hostJson);
        try
        {
            FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(["--port", "0"], root);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = Connection });
            builder.AddFunctions(typeof(TestFunctions).Assembly);
            return builder.Build();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

/// <summary>Tests that set the provider's environment variable run alone: other hosts built meanwhile would see it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProviderEnvironmentTests
{
    public const string Name = "Provider environment variable";
}
