using Dealix.Runtime.AzureStorage;
using Dealix.Runtime.Backend;
using Dealix.Runtime.Hosting.Configuration;
using Dealix.Runtime.InMemory;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Hosting.Durable;

/// <summary>Creates the task hub's backend chosen by host.json <c>storageProvider.type</c>.</summary>
public static class BackendFactory
{
    /// <summary>True when the options select the in-memory backend (nothing survives a restart).</summary>
    public static bool IsInMemory(FunctionsHostOptions options) =>
        string.Equals(options?.StorageType, "InMemory", StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates the backend; throws <see cref="InvalidOperationException"/> naming the missing or bad setting.</summary>
    public static IOrchestrationBackend Create(FunctionsHostOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (IsInMemory(options))
        {
            return new InMemoryOrchestrationBackend(options.HubName, timeProvider);
        }

        if (!string.Equals(options.StorageType, "AzureStorage", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"host.json extensions.durableTask.storageProvider.type '{options.StorageType}' is not supported: use AzureStorage or InMemory.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException(
                $"The storage connection setting '{options.ConnectionName}' is not set: add it to local.settings.json Values " +
                "(UseDevelopmentStorage=true for Azurite) or to the environment.");
        }

        var storage = new AzureStorageOptions
        {
            ConnectionString = options.ConnectionString,
            TaskHubName = options.HubName,
            PartitionCount = options.PartitionCount,
        };
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
}
