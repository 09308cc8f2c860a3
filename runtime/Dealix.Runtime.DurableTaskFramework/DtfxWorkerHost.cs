using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Middleware;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using CoreTaskActivity = DurableTask.Core.TaskActivity;

namespace Dealix.Runtime.DurableTaskFramework;

/// <summary>
/// Runs the app's official-SDK orchestrators and activities on Microsoft's engine: DurableTask.Core's
/// <see cref="TaskHubWorker"/> over an <see cref="AzureStorageOrchestrationService"/>, each task wrapped by the
/// SDK's <see cref="DurableTaskShimFactory"/>, as Durable Functions does with its default storage provider. The
/// local host starts it instead of the Dealix engine when <c>host.json</c> sets
/// <c>extensions.durableTask.storageProvider.type</c> to <c>"AzureStorage"</c>, and hands <see cref="Client"/> to
/// functions and the management API. It never touches the Dealix engine's tables or queues.
/// </summary>
/// <remarks>
/// Tasks are looked up by name only (orchestration versions are stored but not dispatched on). Every execution
/// gets a new task object from its factory: orchestrators from the root <see cref="IServiceProvider"/>, activities
/// from a service scope that lives as long as the activity runs, as in the Functions worker.
/// </remarks>
public sealed class DtfxWorkerHost : IHostedService, IAsyncDisposable
{
    private readonly TaskHubWorker _worker;
    private readonly ILogger _logger;
    private readonly string _taskHubName;
    private int _state; // 0 new, 1 started, 2 stopped

    /// <summary>Creates the engine and registers the tasks; nothing touches storage until <see cref="StartAsync"/>.</summary>
    /// <param name="options">Connection, task hub and worker settings.</param>
    /// <param name="orchestrators">
    /// Orchestrator factories by name, the shape of the official <c>DurableTaskRegistry.GetOrchestrators()</c>.
    /// </param>
    /// <param name="activities">Activity factories by name, the shape of <c>DurableTaskRegistry.GetActivities()</c>.</param>
    /// <param name="services">Passed to the factories; activities get a scope of it per execution.</param>
    /// <param name="loggerFactory">Receives the engine's, the shims' and the replay-safe loggers' output.</param>
    /// <param name="dataConverter">
    /// Serializes inputs, outputs and payloads for tasks and <see cref="Client"/>; default the official
    /// <see cref="Microsoft.DurableTask.Converters.JsonDataConverter.Default"/>.
    /// </param>
    /// <exception cref="ArgumentException">Two orchestrators or two activities share a name.</exception>
    public DtfxWorkerHost(
        DtfxOptions options,
        IEnumerable<KeyValuePair<TaskName, Func<IServiceProvider, ITaskOrchestrator>>> orchestrators,
        IEnumerable<KeyValuePair<TaskName, Func<IServiceProvider, ITaskActivity>>> activities,
        IServiceProvider services,
        ILoggerFactory? loggerFactory = null,
        DataConverter? dataConverter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(orchestrators);
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(services);
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger<DtfxWorkerHost>();
        _taskHubName = options.TaskHubName;

        Service = new AzureStorageOrchestrationService(options.ToSettings(loggerFactory));
        var workerOptions = new DurableTaskWorkerOptions { EnableEntitySupport = false };
        if (dataConverter is not null)
        {
            workerOptions.DataConverter = dataConverter;
        }

        var shims = new DurableTaskShimFactory(workerOptions, loggerFactory);
        var orchestrationManager = new ByNameObjectManager<TaskOrchestration>();
        foreach ((TaskName name, Func<IServiceProvider, ITaskOrchestrator> factory) in orchestrators)
        {
            orchestrationManager.Add(new ShimCreator<TaskOrchestration>(
                name, () => new ParentAwareOrchestration(name, () => factory(services), shims)));
        }

        var activityManager = new ByNameObjectManager<CoreTaskActivity>();
        foreach ((TaskName name, Func<IServiceProvider, ITaskActivity> factory) in activities)
        {
            activityManager.Add(new ShimCreator<CoreTaskActivity>(name, () => new ScopedActivityShim(name, factory, services, shims)));
        }

        _worker = new TaskHubWorker(Service, orchestrationManager, activityManager, loggerFactory)
        {
            // As in Durable Functions for isolated apps: an activity's or sub-orchestration's failure reaches the
            // caller as structured FailureDetails (type, message, stack, inner failure), not a serialized exception.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        _worker.AddOrchestrationDispatcherMiddleware(PassParentAsync);
        Client = new DtfxDurableTaskClient(options.TaskHubName, Service, dataConverter, options.StatusPollingInterval);
    }

    /// <summary>The engine; also the <see cref="IOrchestrationServiceClient"/> behind <see cref="Client"/>.</summary>
    public AzureStorageOrchestrationService Service { get; }

    /// <summary>
    /// The official client on this task hub, sharing <see cref="Service"/> with the worker, so a start or an event
    /// sent through it wakes this worker's queue poller at once. Usable before <see cref="StartAsync"/>.
    /// </summary>
    public DtfxDurableTaskClient Client { get; }

    /// <summary>Creates the task hub's queues, tables and containers if they are missing, then starts the worker.</summary>
    /// <param name="cancellationToken">Checked before the worker starts.</param>
    /// <returns>Completes when the worker is listening (partitions are acquired in the background).</returns>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The Durable Task Framework worker host can be started once.");
        }

        await Service.CreateIfNotExistsAsync();
        cancellationToken.ThrowIfCancellationRequested();
        await _worker.StartAsync();
        _logger.WorkerStarted(_taskHubName);
    }

    /// <summary>
    /// Stops polling and releases the partition leases, so another worker can take the task hub over at once.
    /// Work in flight is not awaited when <paramref name="cancellationToken"/> is already cancelled (a forced stop);
    /// its messages become visible again after the queue visibility time-out and run again.
    /// </summary>
    /// <param name="cancellationToken">Cancelled: stop without waiting for work in flight.</param>
    /// <returns>Completes when the worker has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 2, 1) != 1)
        {
            return;
        }

        await _worker.StopAsync(isForced: cancellationToken.IsCancellationRequested);
        _logger.WorkerStopped(_taskHubName);
    }

    /// <summary>Stops the worker if it runs and frees its resources; <see cref="Client"/> is unusable afterwards.</summary>
    /// <returns>Completes when the worker has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _worker.Dispose();
        Service.Dispose();
    }

    /// <summary>Tells the orchestration about to run which instance started it, if any.</summary>
    private static Task PassParentAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        if (context.GetProperty<TaskOrchestration>() is ParentAwareOrchestration orchestration
            && context.GetProperty<OrchestrationRuntimeState>()?.ParentInstance is { } parent)
        {
            orchestration.Parent = new ParentOrchestrationInstance(parent.Name, parent.OrchestrationInstance.InstanceId);
        }

        return next();
    }

    /// <summary>A new shim per execution around a task object made by the registered factory.</summary>
    private sealed class ShimCreator<T> : ObjectCreator<T>
    {
        private readonly Func<T> _create;

        public ShimCreator(TaskName name, Func<T> create)
        {
            Name = name.Name;
            Version = string.Empty;
            _create = create;
        }

        public override T Create() => _create();
    }

    /// <summary>
    /// Runs one activity execution in its own service scope: the activity object is made from the scope, the SDK's
    /// shim runs it, and the scope is disposed when the activity has finished.
    /// </summary>
    private sealed class ScopedActivityShim(
        TaskName name, Func<IServiceProvider, ITaskActivity> factory, IServiceProvider services, DurableTaskShimFactory shims)
        : CoreTaskActivity
    {
        public override string Run(TaskContext context, string input) =>
            throw new NotSupportedException("DurableTask.Core runs activities through RunAsync.");

        public override async Task<string> RunAsync(TaskContext context, string input)
        {
            await using AsyncServiceScope scope = services.CreateAsyncScope();
            CoreTaskActivity shim = shims.CreateActivity(name, factory(scope.ServiceProvider));
            return await shim.RunAsync(context, input);
        }
    }
}
