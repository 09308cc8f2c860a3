namespace Dealix.Runtime.DurableTaskFramework.Tests;

public sealed class DtfxOptionsTests
{
    private const string Connection = "UseDevelopmentStorage=true";

    private const string FullHostJson = """
        {
          // comments and trailing commas are allowed, as in the Functions host
          "version": "2.0",
          "extensions": {
            "durableTask": {
              "hubName": "DealixHub",
              "maxConcurrentActivityFunctions": 12,
              "maxConcurrentOrchestratorFunctions": 7,
              "storageProvider": {
                "type": "AzureStorage",
                "connectionName": "DurableStorage",
                "partitionCount": 6,
                "maxQueuePollingInterval": "00:00:02",
              }
            }
          }
        }
        """;

    [Fact]
    public void FromHostJson_EverySetting_IsRead()
    {
        DtfxOptions options = DtfxOptions.FromHostJson(FullHostJson, name => name == "DurableStorage" ? Connection : null);

        Assert.Equal(Connection, options.ConnectionString);
        Assert.Equal("DealixHub", options.TaskHubName);
        Assert.Equal(6, options.PartitionCount);
        Assert.Equal(7, options.MaxConcurrentOrchestrationWorkItems);
        Assert.Equal(12, options.MaxConcurrentActivityWorkItems);
        Assert.Equal(TimeSpan.FromSeconds(2), options.MaxQueuePollingInterval);
    }

    [Fact]
    public void FromHostJson_NoDurableSection_KeepsDurableFunctionsDefaults()
    {
        DtfxOptions options = DtfxOptions.FromHostJson("""{ "version": "2.0" }""", name => name == "AzureWebJobsStorage" ? Connection : null);

        Assert.Equal(DtfxOptions.DefaultTaskHubName, options.TaskHubName);
        Assert.Equal(4, options.PartitionCount);
        Assert.Equal(10 * Environment.ProcessorCount, options.MaxConcurrentOrchestrationWorkItems);
        Assert.Equal(10 * Environment.ProcessorCount, options.MaxConcurrentActivityWorkItems);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxQueuePollingInterval);
    }

    [Fact]
    public void FromHostJson_UnknownConnection_FailsNamingIt()
    {
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => DtfxOptions.FromHostJson(FullHostJson, _ => null));

        Assert.Contains("DurableStorage", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "version": "2.0" }""", null, "Dealix")]
    [InlineData("""{ "extensions": { "durableTask": { "storageProvider": { "type": "Dealix" } } } }""", null, "Dealix")]
    [InlineData("""{ "extensions": { "durableTask": { "storageProvider": { "type": "azurestorage" } } } }""", null, "AzureStorage")]
    [InlineData("""{ "extensions": { "durableTask": { "storageProvider": { "type": "Dealix" } } } }""", "AzureStorage", "AzureStorage")]
    [InlineData("""{ "extensions": { "durableTask": { "storageProvider": { "type": "AzureStorage" } } } }""", "Dealix", "Dealix")]
    public void StorageProviderType_HostJsonAndEnvironment_EnvironmentWins(string hostJson, string? environment, string expected)
    {
        string type = DtfxOptions.StorageProviderType(
            hostJson, name => name == DtfxOptions.ProviderTypeEnvironmentVariable ? environment : null);

        Assert.Equal(expected, type);
    }

    [Fact]
    public void StorageProviderType_UnknownProvider_FailsWithTheChoices()
    {
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => DtfxOptions.StorageProviderType(
            """{ "extensions": { "durableTask": { "storageProvider": { "type": "mssql" } } } }""", _ => null));

        Assert.Contains("mssql", e.Message, StringComparison.Ordinal);
        Assert.Contains("AzureStorage", e.Message, StringComparison.Ordinal);
    }
}
