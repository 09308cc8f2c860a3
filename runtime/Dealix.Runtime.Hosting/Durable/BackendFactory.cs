using Dealix.Runtime.AzureStorage;
using Dealix.Runtime.Backend;
using Dealix.Runtime.DurableTaskFramework;
using Dealix.Runtime.Hosting.Configuration;
using Dealix.Runtime.InMemory;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Hosting.Durable;

/// <summary>
/// Creates the Dealix engine's backend chosen by host.json <c>storageProvider.type</c> (<c>Dealix</c>: Azure Storage,
/// <c>InMemory</c>), and the settings of Microsoft's engine for <c>AzureStorage</c>.
/// </summary>
public static class BackendFactory
{
    /// <summary>True when the options select the in-memory backend (nothing survives a restart).</summary>
    public static bool IsInMemory(FunctionsHostOptions options) =>
        string.Equals(options?.StorageType, FunctionsHostOptions.InMemoryProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates the backend; throws <see cref="InvalidOperationException"/> naming the missing or bad setting.</summary>
    public static IOrchestrationBackend Create(FunctionsHostOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (IsInMemory(options))
        {
            return new InMemoryOrchestrationBackend(options.HubName, timeProvider);
        }

        if (!string.Equals(options.StorageType, FunctionsHostOptions.DealixProvider, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"host.json extensions.durableTask.storageProvider.type '{options.StorageType}' has no Dealix engine backend: " +
                $"the Dealix engine runs on '{FunctionsHostOptions.DealixProvider}' (Azure Storage) or '{FunctionsHostOptions.InMemoryProvider}'; " +
                $"'{FunctionsHostOptions.AzureStorageProvider}' runs Microsoft's engine (see {nameof(DtfxOptionsFor)}).");
        }

        string connectionString = RequireConnection(options);
        var storage = new AzureStorageOptions
        {
            ConnectionString = connectionString,
            TaskHubName = options.HubName,
            PartitionCount = options.PartitionCount,
            RetentionPeriod = options.RetentionPeriod,
        };
        if (options.DurableMaxDequeueCount is { } limit)
        {
            storage.MaxDequeueCount = limit;
        }

        if (options.RetentionInterval is { } interval)
        {
            storage.RetentionInterval = interval;
        }

        if (options.MaxQueuePollingInterval is { } polling && polling > TimeSpan.Zero)
        {
            storage.MaxQueuePollingInterval = polling;
        }

        try
        {
            return new AzureStorageOrchestrationBackend(storage, loggerFactory, timeProvider);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"The task hub settings are invalid: {e.Message}", e);
        }
    }

    /// <summary>
    /// Settings of Microsoft's engine (the <c>AzureStorage</c> provider) from the same host.json values the Dealix
    /// engine reads: hub name, partition count, connection, work-item concurrency and idle queue polling.
    /// </summary>
    /// <exception cref="InvalidOperationException">The storage connection is not set.</exception>
    public static DtfxOptions DtfxOptionsFor(FunctionsHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dtfx = new DtfxOptions
        {
            ConnectionString = RequireConnection(options),
            TaskHubName = options.HubName,
            PartitionCount = options.PartitionCount,
            MaxConcurrentActivityWorkItems = options.MaxConcurrentActivityFunctions,
            MaxConcurrentOrchestrationWorkItems = options.MaxConcurrentOrchestratorFunctions,
        };
        return options.MaxQueuePollingInterval is { } polling && polling > TimeSpan.Zero
            ? dtfx with { MaxQueuePollingInterval = polling }
            : dtfx;
    }

    private static string RequireConnection(FunctionsHostOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? throw new InvalidOperationException(
                $"The storage connection setting '{options.ConnectionName}' is not set: add it to local.settings.json Values " +
                "(UseDevelopmentStorage=true for Azurite) or to the environment.")
            : options.ConnectionString;
}
