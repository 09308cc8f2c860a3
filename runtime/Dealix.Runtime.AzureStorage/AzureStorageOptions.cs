namespace Dealix.Runtime.AzureStorage;

/// <summary>Settings of the Azure Storage backend (bound from host.json's <c>durableTask.storageProvider</c> or set in code).</summary>
public sealed partial class AzureStorageOptions
{
    /// <summary>A policy added to every table call, inside the SDK's retries (tests inject faults with it).</summary>
    internal Azure.Core.Pipeline.HttpPipelinePolicy? TablePolicy { get; set; }

    /// <summary>A policy added to every queue call, inside the SDK's retries (tests reorder messages with it).</summary>
    internal Azure.Core.Pipeline.HttpPipelinePolicy? QueuePolicy { get; set; }

    /// <summary>Storage connection string; <c>UseDevelopmentStorage=true</c> targets a local Azurite.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>The task hub name: letters and digits, starting with a letter, 3 to 40 characters.</summary>
    public string TaskHubName { get; set; } = "DealixHub";

    /// <summary>Number of control queues (1 to 16). Instances are spread over them by a stable hash of their id.</summary>
    /// <remarks>WARNING: changing it on a hub with live instances strands their messages in the old queues.</remarks>
    public int PartitionCount { get; set; } = 4;

    /// <summary>Upper bound of the idle polling back-off (a worker wakes earlier for timers it knows are due).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First idle polling delay; doubles up to <see cref="MaxQueuePollingInterval"/>.</summary>
    public TimeSpan MinQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How long a received message stays invisible to others. Held messages are renewed while their work runs; after a
    /// crash they are delivered again once this lapses.
    /// </summary>
    public TimeSpan MessageLockTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>After this many deliveries without being consumed a message goes to the dead-letter table.</summary>
    public int MaxDequeueCount { get; set; } = 8;

    /// <summary>How long a partition lease lasts without renewal; a dead worker's partitions are taken over after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often leases are renewed, claimed and balanced.</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the outbox sweeper looks for messages a crash left undelivered.</summary>
    public TimeSpan OutboxSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the sweeper also scans the whole History table for abandoned outbox rows, besides the scan due after
    /// each partition this worker acquires. Between scans it retries only the rows this worker failed to dispatch.
    /// </summary>
    public TimeSpan OutboxFullSweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An outbox row older than this is considered abandoned by its writer and re-dispatched.</summary>
    public TimeSpan OutboxSweepAge { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Activity requests received ahead of the worker asking for them (bounded to keep backlogs short).</summary>
    public int ActivityPrefetch { get; set; } = 16;

    /// <summary>
    /// Control messages held in memory per partition before polling pauses. Small on purpose: a held message must be
    /// renewed, and what is not held stays in the queue for whichever worker is free.
    /// </summary>
    public int MaxBufferedMessagesPerPartition { get; set; } = 32;

    /// <summary>Instances whose history stays cached in memory between episodes (extended sessions); 0 disables.</summary>
    public int InstanceCacheSize { get; set; } = 1000;

    /// <summary>When set, ended instances whose completion is older than this are purged automatically.</summary>
    public TimeSpan? RetentionPeriod { get; set; }

    /// <summary>How often the retention timer looks for ended instances past <see cref="RetentionPeriod"/> (default 1 minute).</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many received message ids an instance remembers for de-duplication.</summary>
    public int DeduplicationWindow { get; set; } = 400;

    /// <summary>An identifier of this worker in the lease table (defaults to machine name and process id).</summary>
    public string? WorkerId { get; set; }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("AzureStorageOptions.ConnectionString is required.");
        }

        TaskHubNames.Validate(TaskHubName);
        if (PartitionCount is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(PartitionCount), PartitionCount, "PartitionCount must be between 1 and 16.");
        }

        if (MaxDequeueCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDequeueCount), MaxDequeueCount, "MaxDequeueCount must be at least 1.");
        }

        if (RetentionPeriod is { } retention && retention <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetentionPeriod), retention, "RetentionPeriod must be positive (leave it unset to keep ended instances).");
        }

        if (RetentionInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetentionInterval), RetentionInterval, "RetentionInterval must be positive.");
        }

        if (MessageLockTimeout < TimeSpan.FromSeconds(3))
        {
            throw new ArgumentOutOfRangeException(nameof(MessageLockTimeout), MessageLockTimeout, "MessageLockTimeout must be at least 3 seconds.");
        }

        if (OutboxSweepInterval <= TimeSpan.Zero || OutboxFullSweepInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(OutboxFullSweepInterval), OutboxFullSweepInterval, "Sweep intervals must be positive.");
        }

        if (LeaseRenewInterval >= LeaseDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(LeaseRenewInterval), LeaseRenewInterval, "LeaseRenewInterval must be shorter than LeaseDuration.");
        }
    }
}
