using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Dealix.Runtime.Backend;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dealix.Runtime.AzureStorage;

/// <summary>
/// <see cref="IOrchestrationBackend"/> on Azure Storage (or Azurite). Each instance owns one partition of the History
/// table holding its instance row, history rows and outbox rows, so an episode commits in one entity-group
/// transaction guarded by the instance row's ETag. Messages leave through the outbox to partitioned control queues
/// and the activity queue, and receivers de-duplicate them by id. See README.md beside this file for the layout.
/// </summary>
public sealed partial class AzureStorageOrchestrationBackend : IOrchestrationBackend
{
    private static readonly string InstanceRowKey = "!instance";

    private readonly AzureStorageOptions _options;
    private readonly TaskHubNames _names;
    private readonly TableClient _history;
    private readonly TableClient _instances;
    private readonly InstanceIndexWriter _index;
    private readonly TableClient _leases;
    private readonly TableClient _deadLetters;
    private readonly QueueClient[] _control;
    private readonly QueueClient _activities;
    private readonly PayloadStore _payloads;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly string _workerId;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly ConcurrentDictionary<HeldMessage, byte> _held = new();
    private readonly object _startLock = new();
    private readonly List<Task> _loops = [];
    private bool _orchestrationSideStarted;
    private bool _activitySideStarted;
    private bool _renewalStarted;
    private int _disposed;

    /// <summary>Creates the backend; call <see cref="CreateIfNotExistsAsync"/> before use.</summary>
    public AzureStorageOrchestrationBackend(AzureStorageOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _names = new TaskHubNames(options.TaskHubName, options.PartitionCount);
        _log = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Dealix.Runtime.AzureStorage");
        _time = timeProvider ?? TimeProvider.System;
        _workerId = options.WorkerId ?? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

        var tableOptions = new TableClientOptions();
        ConfigureRetries(tableOptions.Retry);
        tableOptions.AddPolicy(Calls.Policy("table"), HttpPipelinePosition.PerRetry);
        if (options.TablePolicy is { } tablePolicy)
        {
            tableOptions.AddPolicy(tablePolicy, HttpPipelinePosition.PerRetry);
        }

        var tables = new TableServiceClient(options.ConnectionString, tableOptions);
        _history = tables.GetTableClient(_names.HistoryTable);
        _instances = tables.GetTableClient(_names.InstancesTable);
        _leases = tables.GetTableClient(_names.LeasesTable);
        _deadLetters = tables.GetTableClient(_names.DeadLettersTable);

        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        ConfigureRetries(queueOptions.Retry);
        queueOptions.AddPolicy(Calls.Policy("queue"), HttpPipelinePosition.PerRetry);
        if (options.QueuePolicy is { } queuePolicy)
        {
            queueOptions.AddPolicy(queuePolicy, HttpPipelinePosition.PerRetry);
        }

        var queues = new QueueServiceClient(options.ConnectionString, queueOptions);
        _control = _names.ControlQueues.Select(queues.GetQueueClient).ToArray();
        _activities = queues.GetQueueClient(_names.ActivityQueue);

        var blobOptions = new BlobClientOptions();
        ConfigureRetries(blobOptions.Retry);
        blobOptions.AddPolicy(Calls.Policy("blob"), HttpPipelinePosition.PerRetry);
        _payloads = new PayloadStore(new BlobServiceClient(options.ConnectionString, blobOptions).GetBlobContainerClient(_names.PayloadContainer));
        _cache = new InstanceCache(options.InstanceCacheSize);
        _index = new InstanceIndexWriter(_instances);
        _partitions = new PartitionState[options.PartitionCount];
        for (int i = 0; i < _partitions.Length; i++)
        {
            _partitions[i] = new PartitionState(i);
        }
    }

    /// <inheritdoc />
    public string TaskHubName => _options.TaskHubName;

    /// <summary>Storage calls made by this backend object so far.</summary>
    public StorageCallCounter Calls { get; } = new();

    /// <summary>This worker's id in the lease table.</summary>
    public string WorkerId => _workerId;

    /// <summary>Control partitions this worker currently owns (for diagnostics and tests).</summary>
    public IReadOnlyList<int> OwnedPartitions => _partitions.Where(p => p.Owned).Select(p => p.Index).ToArray();

    /// <inheritdoc />
    public async Task CreateIfNotExistsAsync(CancellationToken cancellation = default)
    {
        await Task.WhenAll(
            _history.CreateIfNotExistsAsync(cancellation),
            _instances.CreateIfNotExistsAsync(cancellation),
            _leases.CreateIfNotExistsAsync(cancellation),
            _deadLetters.CreateIfNotExistsAsync(cancellation),
            _activities.CreateIfNotExistsAsync(cancellationToken: cancellation),
            _payloads.Container.CreateIfNotExistsAsync(cancellationToken: cancellation));
        await Task.WhenAll(_control.Select(q => q.CreateIfNotExistsAsync(cancellationToken: cancellation)));
        _log.HubReady(TaskHubName, _control.Length);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(CancellationToken cancellation = default)
    {
        await StopLoopsAsync(releaseHeld: false);
        await Task.WhenAll(
            _history.DeleteAsync(cancellation),
            _instances.DeleteAsync(cancellation),
            _leases.DeleteAsync(cancellation),
            _deadLetters.DeleteAsync(cancellation),
            _activities.DeleteIfExistsAsync(cancellation),
            _payloads.Container.DeleteIfExistsAsync(cancellationToken: cancellation));
        await Task.WhenAll(_control.Select(q => q.DeleteIfExistsAsync(cancellation)));
    }

    /// <summary>Stops the background loops, hands held messages and leases back, and releases resources.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopLoopsAsync(releaseHeld: true);
        _shutdown.Dispose();
    }

    private static void ConfigureRetries(RetryOptions retry)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 3;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }

    private async Task StopLoopsAsync(bool releaseHeld)
    {
        Task[] loops;
        lock (_startLock)
        {
            loops = [.. _loops];
            _loops.Clear();
        }

        if (!_shutdown.IsCancellationRequested)
        {
            await _shutdown.CancelAsync();
        }

        try
        {
            await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception)
        {
            // Loops end by cancellation; anything else was logged where it happened.
        }

        if (releaseHeld)
        {
            await ReleaseAllAsync();
        }
    }

    private async Task ReleaseAllAsync()
    {
        // Hand unfinished messages and leases back so another worker takes over without waiting for time-outs.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await Task.WhenAll(_held.Keys.Select(h => ReleaseAsync(h, TimeSpan.Zero, timeout.Token)));
            await ReleaseLeasesAsync(timeout.Token);
        }
        catch (Exception e) when (IsStorageFailure(e) || e is OperationCanceledException)
        {
            // Best effort: visibility time-outs and lease expiry hand everything over anyway. Disposal must not
            // throw when storage is already gone (a host shutting down after Azurite stopped).
        }
    }

    private void StartLoop(Func<CancellationToken, Task> loop)
    {
        CancellationToken token = _shutdown.Token;
        _loops.Add(Task.Run(() => loop(token), CancellationToken.None));
    }

    private void EnsureOrchestrationSideStarted()
    {
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        lock (_startLock)
        {
            if (_orchestrationSideStarted)
            {
                return;
            }

            _orchestrationSideStarted = true;
            EnsureRenewalStarted();
            StartLoop(LeaseLoopAsync);
            StartLoop(SweepLoopAsync);
            if (_options.RetentionPeriod is not null)
            {
                StartLoop(RetentionLoopAsync);
            }
        }
    }

    private void EnsureActivitySideStarted()
    {
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        lock (_startLock)
        {
            if (_activitySideStarted)
            {
                return;
            }

            _activitySideStarted = true;
            EnsureRenewalStarted();
            StartLoop(ActivityPollLoopAsync);
        }
    }

    private void EnsureRenewalStarted()
    {
        if (!_renewalStarted)
        {
            _renewalStarted = true;
            StartLoop(RenewalLoopAsync);
        }
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>
    /// What every background loop does with a failed round: a storage failure (an outage, a time-out) is logged once
    /// per outage, anything else every time; the loop then backs off and goes on. Loops end only at shutdown.
    /// Returns whether the loop is now in a storage outage.
    /// </summary>
    private bool LoopFailed(Exception e, string loop, bool failing, CancellationToken cancellation)
    {
        if (StorageFaults.IsStorageFailure(e, cancellation))
        {
            if (!failing)
            {
                _log.StorageLoopFailed(e, loop, TaskHubName);
            }

            return true;
        }

        _log.LoopFailedUnexpectedly(e, loop, TaskHubName);
        return failing;
    }

    /// <summary>See <see cref="StorageFaults.IsStorageFailure"/> (any cancellation counts: the quiet steps catch their own).</summary>
    private static bool IsStorageFailure(Exception e) => StorageFaults.IsStorageFailure(e, CancellationToken.None);
}
