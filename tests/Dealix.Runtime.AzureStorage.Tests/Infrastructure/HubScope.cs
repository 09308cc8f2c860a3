using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.AzureStorage.Tests.Infrastructure;

/// <summary>A test's own task hub: created on start, deleted (with everything in it) on dispose.</summary>
public sealed class HubScope : IAsyncDisposable
{
    private readonly List<AzureStorageOrchestrationBackend> _backends = [];
    private readonly ILoggerFactory _logging;

    private HubScope(AzureStorageOptions options, ILoggerFactory logging, XunitLoggerProvider logs)
    {
        Options = options;
        _logging = logging;
        Logs = logs;
    }

    public AzureStorageOptions Options { get; }

    public XunitLoggerProvider Logs { get; }

    public AzureStorageOrchestrationBackend Backend => _backends[0];

    public static async Task<HubScope> CreateAsync(string connectionString, ITestOutputHelper output, Action<AzureStorageOptions>? configure = null)
    {
        AzureStorageOptions options = TestHub.Options(connectionString);
        configure?.Invoke(options);
        var logs = new XunitLoggerProvider(output);
        ILoggerFactory logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(logs));
        var scope = new HubScope(options, logging, logs);
        AzureStorageOrchestrationBackend backend = scope.NewBackend();
        await backend.CreateIfNotExistsAsync();
        return scope;
    }

    /// <summary>Another backend (a second worker or a client) on the same hub.</summary>
    public AzureStorageOrchestrationBackend NewBackend(Action<AzureStorageOptions>? configure = null)
    {
        var options = new AzureStorageOptions
        {
            ConnectionString = Options.ConnectionString,
            TaskHubName = Options.TaskHubName,
            PartitionCount = Options.PartitionCount,
            MessageLockTimeout = Options.MessageLockTimeout,
            LeaseDuration = Options.LeaseDuration,
            LeaseRenewInterval = Options.LeaseRenewInterval,
            OutboxSweepInterval = Options.OutboxSweepInterval,
            OutboxSweepAge = Options.OutboxSweepAge,
            MaxQueuePollingInterval = Options.MaxQueuePollingInterval,
            MaxDequeueCount = Options.MaxDequeueCount,
            RetentionPeriod = Options.RetentionPeriod,
            RetentionInterval = Options.RetentionInterval,
            InstanceCacheSize = Options.InstanceCacheSize,
            MaxBufferedMessagesPerPartition = Options.MaxBufferedMessagesPerPartition,
            ActivityPrefetch = Options.ActivityPrefetch,
            TablePolicy = Options.TablePolicy,
            QueuePolicy = Options.QueuePolicy,
        };
        configure?.Invoke(options);
        var backend = new AzureStorageOrchestrationBackend(options, _logging);
        _backends.Add(backend);
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (AzureStorageOrchestrationBackend backend in _backends)
        {
            await backend.DisposeAsync();
        }

        try
        {
            await using var cleaner = new AzureStorageOrchestrationBackend(Options);
            await cleaner.DeleteAsync();
        }
        catch (Exception)
        {
            // Azurite may already be gone (restart tests); its data folder is deleted with it.
        }

        _logging.Dispose();
    }
}
