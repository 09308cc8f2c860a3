using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.DurableTaskFramework;

/// <summary>
/// Settings of Microsoft's engine (DurableTask.Core with DurableTask.AzureStorage) as the local host runs it when
/// <c>host.json</c> says <c>extensions.durableTask.storageProvider.type = "AzureStorage"</c>. The defaults are those
/// of Durable Functions outside the consumption plan for a .NET isolated app (the Durable Functions extension 3.x
/// sets them; the peers kit's <c>durabletask</c> component uses the same), so the fallback behaves as on Azure.
/// </summary>
public sealed partial record DtfxOptions
{
    /// <summary>Task hub name Durable Functions uses when none is configured.</summary>
    public const string DefaultTaskHubName = "TestHubName";

    /// <summary>Azure Storage connection string (Azurite's or a real account's).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>
    /// Task hub name: prefix of every queue, table and blob container of the hub. DurableTask.AzureStorage accepts
    /// 3–45 characters, letters and digits, starting with a letter.
    /// </summary>
    public string TaskHubName { get; init; } = DefaultTaskHubName;

    /// <summary>Number of control queues (partitions); Durable Functions' default is 4. Fixed for a hub's lifetime.</summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>Orchestration work items run at once by this worker; Durable Functions' default is 10 × cores.</summary>
    public int MaxConcurrentOrchestrationWorkItems { get; init; } = 10 * Environment.ProcessorCount;

    /// <summary>Activity work items run at once by this worker; Durable Functions' default is 10 × cores.</summary>
    public int MaxConcurrentActivityWorkItems { get; init; } = 10 * Environment.ProcessorCount;

    /// <summary>
    /// Longest wait between two polls of an empty queue; after an empty receive DurableTask.AzureStorage backs off
    /// exponentially (randomized, from 50 ms) up to this. Durable Functions' default is 30 s. Durable timers and
    /// messages that become visible later wait for this poll, so tests set it low.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often <see cref="DtfxDurableTaskClient"/> reads an instance's status while it waits for the instance to
    /// start or complete (the official Azure Storage client polls every second).
    /// </summary>
    public TimeSpan StatusPollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// DurableTask.AzureStorage settings for these options, with Durable Functions' defaults for everything the
    /// options do not name (control-queue batch 32 and buffer 256, 5-minute visibility time-outs, extended sessions
    /// off, table partition management, app lease on, large message payloads fetched).
    /// </summary>
    /// <param name="loggerFactory">Receives DurableTask.Core's and DurableTask.AzureStorage's logs.</param>
    /// <returns>Settings for one <see cref="AzureStorageOrchestrationService"/>.</returns>
    public AzureStorageOrchestrationServiceSettings ToSettings(ILoggerFactory loggerFactory) => new()
    {
        StorageAccountClientProvider = new StorageAccountClientProvider(ConnectionString),
        TaskHubName = TaskHubName,
        PartitionCount = PartitionCount,
        ControlQueueBatchSize = 32,
        ControlQueueBufferThreshold = 256,
        ControlQueueVisibilityTimeout = TimeSpan.FromMinutes(5),
        WorkItemQueueVisibilityTimeout = TimeSpan.FromMinutes(5),
        MaxConcurrentTaskOrchestrationWorkItems = MaxConcurrentOrchestrationWorkItems,
        MaxConcurrentTaskActivityWorkItems = MaxConcurrentActivityWorkItems,
        MaxConcurrentTaskEntityWorkItems = MaxConcurrentOrchestrationWorkItems,
        MaxEntityOperationBatchSize = 5000,
        ExtendedSessionsEnabled = false,
        ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(30),
        MaxQueuePollingInterval = MaxQueuePollingInterval,
        FetchLargeMessageDataEnabled = true,
        ThrowExceptionOnInvalidDedupeStatus = true,
        UseAppLease = true,
        UseLegacyPartitionManagement = false,
        UseTablePartitionManagement = true,
        UseSeparateQueueForEntityWorkItems = true,
        EntityMessageReorderWindowInMinutes = 30,
        AllowReplayingTerminalInstances = false,
        LoggerFactory = loggerFactory,
    };
}
