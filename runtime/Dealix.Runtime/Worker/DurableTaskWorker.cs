using System.Diagnostics;
using Dealix.Runtime.Backend;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dealix.Runtime.Worker;

/// <summary>
/// Takes work from a backend and runs it: orchestration episodes (replay + new events → one atomic commit) and
/// activities (at least once, with their idempotency key and attempt number), each up to its concurrency limit.
/// </summary>
public sealed class DurableTaskWorker : IAsyncDisposable
{
    private readonly IOrchestrationBackend _backend;
    private readonly TaskCatalog _registry;
    private readonly IServiceProvider _services;
    private readonly DurableTaskWorkerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly EpisodeProcessor _episodes;
    private readonly SemaphoreSlim _orchestrationSlots;
    private readonly SemaphoreSlim _activitySlots;
    private readonly SemaphoreSlim _inlineSlots;
    private readonly InlineActivities? _inline;
    private readonly Lock _inFlightGate = new();
    private readonly HashSet<Task> _inFlight = [];
    private CancellationTokenSource? _stopping;
    private const int MaxLockers = 8;
    private Task? _orchestrationLoop;
    private Task? _activityLoop;

    /// <summary>Creates a worker.</summary>
    public DurableTaskWorker(
        IOrchestrationBackend backend,
        TaskCatalog registry,
        IServiceProvider? services = null,
        DurableTaskWorkerOptions? options = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null)
    {
        _backend = backend ?? throw new ArgumentNullException(nameof(backend));
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _services = services ?? new ServiceCollection().BuildServiceProvider();
        _options = options ?? new DurableTaskWorkerOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        loggerFactory ??= NullLoggerFactory.Instance;
        _log = loggerFactory.CreateLogger("Dealix.Runtime.Worker");
        _episodes = new EpisodeProcessor(_registry, _services, _options.DataConverter, loggerFactory, _time);
        _orchestrationSlots = new SemaphoreSlim(_options.MaxConcurrentOrchestrations);
        _activitySlots = new SemaphoreSlim(_options.MaxConcurrentActivities);

        // In-process activities have slots of their own: sharing the dispatcher's would let a dispatcher that holds
        // a slot while it waits for queue work starve the episode that is waiting for it.
        _inlineSlots = new SemaphoreSlim(_options.MaxConcurrentActivities);
        _inline = _options.InlineActivities
            ? new InlineActivities(RunInlineAsync, _options.MaxInlineRounds, _options.MaxInlineActivitiesPerRound)
            : null;
    }

    /// <summary>True between start and stop.</summary>
    public bool IsRunning => _stopping is { IsCancellationRequested: false };

    /// <summary>Starts taking work.</summary>
    public Task StartAsync(CancellationToken cancellation = default)
    {
        if (_stopping is not null)
        {
            throw new InvalidOperationException("The worker has already been started.");
        }

        _stopping = new CancellationTokenSource();
        CancellationToken stop = _stopping.Token;
        // Several lockers per kind: locking a work item may read storage (an instance not in the backend's cache), and
        // one locker awaiting those reads one after another caps throughput at one read latency per episode.
        _orchestrationLoop = Task.WhenAll(Enumerable.Range(0, Math.Min(_options.MaxConcurrentOrchestrations, MaxLockers)).Select(_ =>
            Task.Run(() => DispatchAsync(_orchestrationSlots, _backend.LockNextOrchestrationWorkItemAsync, RunEpisodeAsync, stop), CancellationToken.None)));
        _activityLoop = Task.WhenAll(Enumerable.Range(0, Math.Min(_options.MaxConcurrentActivities, MaxLockers)).Select(_ =>
            Task.Run(() => DispatchAsync(_activitySlots, _backend.LockNextActivityWorkItemAsync, RunActivityAsync, stop), CancellationToken.None)));
        return Task.CompletedTask;
    }

    /// <summary>Stops taking work and waits for work in progress to finish (or for <paramref name="cancellation"/>).</summary>
    public async Task StopAsync(CancellationToken cancellation = default)
    {
        if (_stopping is null || _stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        await Task.WhenAll(_orchestrationLoop!, _activityLoop!).WaitAsync(cancellation);
        Task[] running;
        lock (_inFlightGate)
        {
            running = [.. _inFlight];
        }

        await Task.WhenAll(running).WaitAsync(cancellation);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping?.Dispose();
        _orchestrationSlots.Dispose();
        _activitySlots.Dispose();
        _inlineSlots.Dispose();
    }

    private async Task DispatchAsync<TItem>(
        SemaphoreSlim slots, Func<CancellationToken, Task<TItem?>> lockNext, Func<TItem, Task> run, CancellationToken stop)
        where TItem : class
    {
        int failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            TItem? item;
            try
            {
                item = await lockNext(stop);
                failures = 0;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                slots.Release();
                return;
            }
            catch (Exception ex)
            {
                slots.Release();
                int delayMs = Math.Min(5_000, 100 * (1 << Math.Min(failures++, 6)));
                Log.DispatchFailed(_log, ex, delayMs);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(delayMs), _time, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            if (item is null)
            {
                slots.Release();
                continue;
            }

            Track(Task.Run(async () =>
            {
                try
                {
                    await run(item);
                }
                finally
                {
                    slots.Release();
                }
            }, CancellationToken.None));
        }
    }

    private void Track(Task task)
    {
        lock (_inFlightGate)
        {
            _inFlight.Add(task);
        }

        task.ContinueWith(
            t =>
            {
                lock (_inFlightGate)
                {
                    _inFlight.Remove(t);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task RunEpisodeAsync(OrchestrationWorkItem item)
    {
        ExecutionStartedEvent? started = EpisodeProcessor.StartOf(item.History)
            ?? item.NewMessages.Select(m => m.Event).OfType<ExecutionStartedEvent>().FirstOrDefault();
        // An orchestration's episodes continue the trace of the request that started it (a webhook → the provider call
        // it leads to, across approvals and queues); the messages that woke this episode are linked.
        using Activity? span = DurableTaskDiagnostics.StartSpan(
            $"orchestration {started?.Name ?? item.State?.Name}", started?.TraceParent, linked: item.NewMessages.Select(m => m.Event switch
            {
                EventRaisedEvent raised => raised.TraceParent,
                ExecutionStartedEvent start => start.TraceParent,
                _ => null,
            }));
        span?.SetTag("durabletask.instance_id", item.InstanceId);
        long startedAt = Stopwatch.GetTimestamp();
        try
        {
            OrchestrationCommit commit = await _episodes.ProcessAsync(item, _inline);
            await _backend.CompleteOrchestrationWorkItemAsync(item, commit);
            span?.SetTag("durabletask.status", commit.State.Status.ToString());
            DurableTaskDiagnostics.Episodes.Add(1, new KeyValuePair<string, object?>("status", commit.State.Status.ToString()));
            if (commit.State.Status.IsTerminal())
            {
                Log.OrchestrationEnded(_log, item.InstanceId, commit.State.Name, commit.State.Status);
            }
        }
        catch (WorkItemLostException)
        {
            Log.WorkItemLost(_log, item.InstanceId);
            DurableTaskDiagnostics.Episodes.Add(1, new KeyValuePair<string, object?>("status", "lost"));
        }
        catch (Exception ex)
        {
            Log.EpisodeFailed(_log, ex, item.InstanceId);
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            DurableTaskDiagnostics.Episodes.Add(1, new KeyValuePair<string, object?>("status", "abandoned"));
            await AbandonQuietly(() => _backend.AbandonOrchestrationWorkItemAsync(item));
        }
        finally
        {
            DurableTaskDiagnostics.EpisodeDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds);
        }
    }

    private async Task RunActivityAsync(ActivityWorkItem item)
    {
        ActivityMessage request = item.Message;
        HistoryEvent result = await ExecuteActivityAsync(request);
        var response = new OrchestrationMessage($"{request.MessageId}|result", request.InstanceId, request.ExecutionId, result);
        try
        {
            await _backend.CompleteActivityWorkItemAsync(item, response);
        }
        catch (Exception ex)
        {
            Log.ActivityReportFailed(_log, ex, request.Name, request.InstanceId);
            await AbandonQuietly(() => _backend.AbandonActivityWorkItemAsync(item));
        }
    }

    private async Task<HistoryEvent> RunInlineAsync(ActivityMessage request)
    {
        await _inlineSlots.WaitAsync();
        try
        {
            return await ExecuteActivityAsync(request);
        }
        finally
        {
            _inlineSlots.Release();
        }
    }

    private async Task<HistoryEvent> ExecuteActivityAsync(ActivityMessage request)
    {
        using Activity? span = DurableTaskDiagnostics.StartSpan($"activity {request.Name}", request.TraceParent);
        span?.SetTag("durabletask.instance_id", request.InstanceId);
        span?.SetTag("durabletask.task_id", request.TaskId);
        span?.SetTag("durabletask.attempt", request.Attempt);
        HistoryEvent result = await InvokeActivityAsync(request);
        bool failed = result is TaskFailedEvent;
        if (failed)
        {
            span?.SetStatus(ActivityStatusCode.Error, ((TaskFailedEvent)result).FailureDetails.ErrorType);
        }

        DurableTaskDiagnostics.Activities.Add(1, new KeyValuePair<string, object?>("outcome", failed ? "failed" : "completed"));
        return result;
    }

    private async Task<HistoryEvent> InvokeActivityAsync(ActivityMessage request)
    {
        DateTime now() => _time.GetUtcNow().UtcDateTime;
        AsyncServiceScope? scope = _services.GetService<IServiceScopeFactory>() is { } scopes ? scopes.CreateAsyncScope() : null;
        try
        {
            IServiceProvider services = scope?.ServiceProvider ?? _services;
            ITaskActivity? activity = _registry.CreateActivity(request.Name, services);
            if (activity is null)
            {
                return Failed(request, new TaskFailureDetails(
                    "Dealix.DurableTask.ActivityNotFound", $"No activity named '{request.Name}' is registered with this worker.", null, null, null), now());
            }

            object? input = _options.DataConverter.Deserialize(request.Input, activity.InputType);
            var context = new ActivityInvocationContext(request.Name, request.InstanceId, request.TaskId, request.IdempotencyKey, request.Attempt);
            object? output = await activity.RunAsync(context, input);
            return new TaskCompletedEvent(request.TaskId, _options.DataConverter.Serialize(output)) { Timestamp = now() };
        }
        catch (Exception ex)
        {
            return Failed(request, TaskFailureDetails.FromException(ex), now());
        }
        finally
        {
            if (scope is { } s)
            {
                await s.DisposeAsync();
            }
        }
    }

    private TaskFailedEvent Failed(ActivityMessage request, TaskFailureDetails details, DateTime now)
    {
        Log.ActivityFailed(_log, request.Name, request.TaskId, request.Attempt, request.InstanceId, details.ErrorType);
        return new TaskFailedEvent(request.TaskId, details) { Timestamp = now };
    }

    private static async Task AbandonQuietly(Func<Task> abandon)
    {
        try
        {
            await abandon();
        }
        catch (Exception)
        {
            // The lock expires by itself; the messages are delivered again then.
        }
    }
}
