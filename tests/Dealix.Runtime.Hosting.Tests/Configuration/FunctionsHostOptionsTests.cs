using Dealix.Runtime.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace Dealix.Runtime.Hosting.Tests.Configuration;

/// <summary>host.json and local.settings.json read the way the Functions host reads them.</summary>
public sealed class FunctionsHostOptionsTests
{
    private static readonly string HostJson = """
        {
          "version": "2.0",
          "functionTimeout": "00:10:00",
          // comments are allowed, as in Functions
          "extensions": {
            "http": { "routePrefix": "" },
            "queues": { "maxDequeueCount": 3, "maxPollingInterval": "00:00:02" },
            "durableTask": {
              "hubName": "DealixHub",
              "maxConcurrentActivityFunctions": 20,
              "maxConcurrentOrchestratorFunctions": 7,
              "storageProvider": { "connectionName": "Storage", "partitionCount": 6 }
            }
          }
        }
        """;

    private static readonly string LocalSettings = """
        {
          "IsEncrypted": false,
          "Values": { "Storage": "UseDevelopmentStorage=true", "Keys__System": "sys" },
          "Host": { "LocalHttpPort": 7099 }
        }
        """;

    [Fact]
    public void From_HostJsonAndLocalSettings_ReadsHubPartitionsConcurrencyTimeoutPortAndConnection()
    {
        FunctionsHostOptions options = FunctionsHostOptions.From(Build());

        Assert.Equal("DealixHub", options.HubName);
        Assert.Equal(6, options.PartitionCount);
        Assert.Equal(20, options.MaxConcurrentActivityFunctions);
        Assert.Equal(7, options.MaxConcurrentOrchestratorFunctions);
        Assert.Equal(TimeSpan.FromMinutes(10), options.FunctionTimeout);
        Assert.Equal(7099, options.Port);
        Assert.Equal(string.Empty, options.RoutePrefix);
        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.Equal(3, options.QueueMaxDequeueCount);
        Assert.False(options.IsCustomHandler);
    }

    [Fact]
    public void From_PortOnTheCommandLine_WinsOverLocalSettings()
    {
        FunctionsHostOptions options = FunctionsHostOptions.From(Build(new Dictionary<string, string?> { ["port"] = "7123" }));

        Assert.Equal(7123, options.Port);
    }

    [Fact]
    public void From_EnvironmentStyleOverride_WinsOverHostJson()
    {
        FunctionsHostOptions options = FunctionsHostOptions.From(Build(new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = "OtherHub" }));

        Assert.Equal("OtherHub", options.HubName);
    }

    [Fact]
    public void From_NoFiles_UsesTheFunctionsDefaults()
    {
        FunctionsHostOptions options = FunctionsHostOptions.From(new ConfigurationBuilder().Build());

        Assert.Equal(7071, options.Port);
        Assert.Equal("api", options.RoutePrefix);
        Assert.Equal("TestHubName", options.HubName);
        Assert.Equal(4, options.PartitionCount);
        Assert.Equal(5, options.QueueMaxDequeueCount);
    }

    [Fact]
    public void From_BadPartitionCount_NamesTheSetting()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:partitionCount"] = "40",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => FunctionsHostOptions.From(config));
        Assert.Contains("partitionCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLocalSettings_Encrypted_IsRefusedWithTheReason()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            FunctionsConfiguration.ReadLocalSettings("""{ "IsEncrypted": true, "Values": {} }""", new Dictionary<string, string?>()));

        Assert.Contains("encrypted", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Build(IDictionary<string, string?>? overrides = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        FunctionsConfiguration.ReadHostJson(HostJson, values);
        FunctionsConfiguration.ReadLocalSettings(LocalSettings, values);
        var builder = new ConfigurationBuilder().AddInMemoryCollection(values);
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        return builder.Build();
    }
}
