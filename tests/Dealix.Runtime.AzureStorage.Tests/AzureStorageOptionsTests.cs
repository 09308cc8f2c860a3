namespace Dealix.Runtime.AzureStorage.Tests;

public sealed class AzureStorageOptionsTests
{
    [Fact]
    public void FromHostJson_TheRepositorysHostJson_TakesHubPartitionsPollingAndConnection()
    {
        string hostJson = File.ReadAllText(Path.Combine(Infrastructure.Azurite.RepositoryRoot(), "host.json"));

        AzureStorageOptions options = AzureStorageOptions.FromHostJson(hostJson,
            name => name == "AzureWebJobsStorage" ? "UseDevelopmentStorage=true" : null);

        Assert.Equal("DealixHub", options.TaskHubName);
        Assert.Equal(4, options.PartitionCount);
        Assert.Equal(TimeSpan.FromSeconds(2), options.MaxQueuePollingInterval);
        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.Equal(8, options.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromDays(30), options.RetentionPeriod);
        Assert.Equal(TimeSpan.FromHours(1), options.RetentionInterval);
    }

    [Theory]
    [InlineData("\"maxDequeueCount\": 0", "maxDequeueCount")]
    [InlineData("\"maxDequeueCount\": \"eight\"", "maxDequeueCount")]
    [InlineData("\"retentionPeriod\": \"thirty days\"", "retentionPeriod")]
    [InlineData("\"retentionPeriod\": \"00:00:00\"", "retentionPeriod")]
    [InlineData("\"retentionInterval\": 60", "retentionInterval")]
    [InlineData("\"partitionCount\": 17", "partitionCount")]
    public void FromHostJson_InvalidOperationsSetting_ThrowsNamingIt(string setting, string name)
    {
        string hostJson = $$"""{ "extensions": { "durableTask": { "storageProvider": { {{setting}} } } } }""";

        var error = Assert.Throws<InvalidOperationException>(() => AzureStorageOptions.FromHostJson(hostJson, _ => "UseDevelopmentStorage=true"));

        Assert.Contains("storageProvider." + name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromHostJson_MissingConnection_ThrowsNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AzureStorageOptions.FromHostJson("{}", _ => null));
        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("9lives")]
    [InlineData("dealix-hub")]
    public void Validate_BadHubName_ThrowsWithTheRule(string hub)
    {
        var error = Assert.Throws<ArgumentException>(() => new AzureStorageOrchestrationBackend(new AzureStorageOptions { TaskHubName = hub }));
        Assert.Contains("letters and digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartitionOf_IsStableAcrossProcesses()
    {
        // FNV-1a: "a" = 0xe40c292c, "b" = 0xe70c2de5, "c" = 0xe60c2c52. These values route live instances; they must never change.
        Assert.Equal(PartitionHash.PartitionOf("deal:t1:c1", 4), PartitionHash.PartitionOf("deal:t1:c1", 4));
        Assert.Equal([0, 1, 2], new[] { "a", "b", "c" }.Select(id => PartitionHash.PartitionOf(id, 4)));
    }

    [Fact]
    public void KeyEncoding_EscapesForbiddenCharacters_AndRoundTrips()
    {
        const string id = "tenant/1#deal?x%y\\z\u0001";
        string encoded = KeyEncoding.Encode(id);
        Assert.DoesNotContain('/', encoded);
        Assert.DoesNotContain('#', encoded);
        Assert.DoesNotContain('?', encoded);
        Assert.DoesNotContain('\\', encoded);
        Assert.Equal(id, KeyEncoding.Decode(encoded));
    }
}
