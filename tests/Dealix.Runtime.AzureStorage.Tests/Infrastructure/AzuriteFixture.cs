using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.AzureStorage.Tests.Infrastructure;

/// <summary>One Azurite shared by the test collection; every test makes its own task hub in it.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public Azurite Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public string ConnectionString => Azurite.ConnectionString;

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>Options for a fresh hub with short time-outs suited to tests.</summary>
    public AzureStorageOptions Options(string? hub = null, string? connectionString = null) => TestHub.Options(connectionString ?? ConnectionString, hub);
}

/// <summary>Hub names and options for tests.</summary>
public static class TestHub
{
    public static string NewName() => "t" + Guid.NewGuid().ToString("N")[..20];

    public static AzureStorageOptions Options(string connectionString, string? hub = null) => new()
    {
        ConnectionString = connectionString,
        TaskHubName = hub ?? NewName(),
        PartitionCount = 4,
        MessageLockTimeout = TimeSpan.FromSeconds(10),
        LeaseDuration = TimeSpan.FromSeconds(4),
        LeaseRenewInterval = TimeSpan.FromSeconds(1),
        OutboxSweepInterval = TimeSpan.FromSeconds(2),
        OutboxSweepAge = TimeSpan.FromSeconds(10),
        MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
        MaxDequeueCount = 4,
    };

    public static ILoggerFactory Logging(ITestOutputHelper? output = null) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(LogLevel.Information);
        if (output is not null)
        {
            builder.AddProvider(new XunitLoggerProvider(output));
        }
    });
}

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
