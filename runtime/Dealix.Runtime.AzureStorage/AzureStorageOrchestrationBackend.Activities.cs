using System.Threading.Channels;
using Azure.Storage.Queues.Models;
using Dealix.Runtime.Backend;

namespace Dealix.Runtime.AzureStorage;

/// <summary>The activity side: a bounded prefetch from the work-item queue, completion and release.</summary>
public sealed partial class AzureStorageOrchestrationBackend
{
    private readonly Channel<HeldMessage> _activityReady = Channel.CreateUnbounded<HeldMessage>();
    private readonly AsyncSignal _activitySignal = new();
    private int _activityBuffered;

    /// <inheritdoc />
    public async Task<ActivityWorkItem?> LockNextActivityWorkItemAsync(CancellationToken cancellation)
    {
        EnsureActivitySideStarted();
        while (true)
        {
            HeldMessage held;
            try
            {
                held = await _activityReady.Reader.ReadAsync(cancellation);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            Interlocked.Decrement(ref _activityBuffered);
            _activitySignal.Set();
            if (held.Finished)
            {
                continue; // its visibility lapsed and someone else has it now
            }

            return new ActivityWorkItem(held.Envelope.Activity!, (int)held.DequeueCount) { BackendState = held };
        }
    }

    /// <inheritdoc />
    public async Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, OrchestrationMessage response, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(response);
        if (workItem.BackendState is not HeldMessage held)
        {
            throw new ArgumentException("The work item was not locked by this backend.", nameof(workItem));
        }

        // The result is keyed by the request: if the request runs twice, the second result is recognised and dropped.
        await SendOrDeliverLocallyAsync(QueueEnvelope.For(response, dedupeId: workItem.Message.MessageId + ":result"), cancellation);
        await DeleteHeldAsync(held, cancellation);
    }

    /// <inheritdoc />
    public async Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        if (workItem.BackendState is HeldMessage held)
        {
            await ReleaseAsync(held, TimeSpan.Zero, cancellation);
        }
    }

    private async Task ActivityPollLoopAsync(CancellationToken cancellation)
    {
        TimeSpan backoff = _options.MinQueuePollingInterval;
        bool failing = false;
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                int room = _options.ActivityPrefetch - Volatile.Read(ref _activityBuffered);
                if (room > 0)
                {
                    QueueMessage[] messages = (await _activities.ReceiveMessagesAsync(
                        Math.Min(32, room), _options.MessageLockTimeout, cancellation)).Value;
                    failing = false;
                    if (messages.Length > 0)
                    {
                        backoff = _options.MinQueuePollingInterval;
                        foreach (QueueMessage message in messages)
                        {
                            HeldMessage? held = await AcceptAsync(message, -1, QueueEnvelope.ActivityKind, cancellation);
                            if (held is not null)
                            {
                                Interlocked.Increment(ref _activityBuffered);
                                _activityReady.Writer.TryWrite(held);
                            }
                        }

                        continue;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failing = LoopFailed(e, "activity queue poller", failing, cancellation);
                backoff = _options.MaxQueuePollingInterval;
            }

            bool signalled;
            try
            {
                signalled = await _activitySignal.WaitAsync(backoff, _time, cancellation);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = signalled ? _options.MinQueuePollingInterval : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxQueuePollingInterval.Ticks));
        }
    }
}
