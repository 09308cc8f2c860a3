namespace Dealix.Runtime;

/// <summary>
/// The orchestrators and activities one worker can run, by name: a snapshot of an official
/// <see cref="DurableTaskRegistry"/> (its public <c>GetOrchestrators</c>/<c>GetActivities</c>), or of factories the
/// function host builds from an app's <c>[OrchestrationTrigger]</c> and <c>[ActivityTrigger]</c> functions. Names
/// compare as <see cref="TaskName"/> does (ignoring case).
/// </summary>
public sealed class TaskCatalog
{
    private readonly Dictionary<TaskName, Func<IServiceProvider, ITaskOrchestrator>> _orchestrators = [];
    private readonly Dictionary<TaskName, Func<IServiceProvider, ITaskActivity>> _activities = [];

    /// <summary>An empty catalog.</summary>
    public TaskCatalog()
    {
    }

    /// <summary>A snapshot of <paramref name="registry"/>; later additions to the registry are not seen.</summary>
    public TaskCatalog(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach ((TaskName name, Func<IServiceProvider, ITaskOrchestrator> factory) in registry.GetOrchestrators())
        {
            AddOrchestrator(name, factory);
        }

        foreach ((TaskName name, Func<IServiceProvider, ITaskActivity> factory) in registry.GetActivities())
        {
            AddActivity(name, factory);
        }

        if (registry.GetEntities().Any())
        {
            throw new NotSupportedException(
                "Durable entities are not supported by the Dealix engine yet; run them on the AzureStorage provider " +
                "(host.json extensions.durableTask.storageProvider.type = \"AzureStorage\").");
        }
    }

    /// <summary>Registered orchestrator names.</summary>
    public IReadOnlyCollection<TaskName> OrchestratorNames => _orchestrators.Keys;

    /// <summary>Registered activity names.</summary>
    public IReadOnlyCollection<TaskName> ActivityNames => _activities.Keys;

    /// <summary>
    /// Every orchestrator factory by name, in the shape of the official <c>DurableTaskRegistry.GetOrchestrators()</c>,
    /// so another engine (Microsoft's <c>TaskHubWorker</c> in the local host's AzureStorage provider) can run the
    /// same tasks. A factory makes a new task object per call.
    /// </summary>
    public IEnumerable<KeyValuePair<TaskName, Func<IServiceProvider, ITaskOrchestrator>>> Orchestrators => _orchestrators;

    /// <summary>Every activity factory by name, in the shape of the official <c>DurableTaskRegistry.GetActivities()</c>.</summary>
    public IEnumerable<KeyValuePair<TaskName, Func<IServiceProvider, ITaskActivity>>> Activities => _activities;

    /// <summary>A snapshot of <paramref name="registry"/>.</summary>
    public static implicit operator TaskCatalog(DurableTaskRegistry registry) => new(registry);

    /// <summary>A snapshot of <paramref name="registry"/>.</summary>
    public static TaskCatalog FromRegistry(DurableTaskRegistry registry) => new(registry);

    /// <summary>Adds an orchestrator factory; a name may be added once.</summary>
    public TaskCatalog AddOrchestrator(TaskName name, Func<IServiceProvider, ITaskOrchestrator> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        EnsureNewName(name, _orchestrators.ContainsKey(name), "orchestrator");
        _orchestrators[name] = factory;
        return this;
    }

    /// <summary>Adds an activity factory; a name may be added once.</summary>
    public TaskCatalog AddActivity(TaskName name, Func<IServiceProvider, ITaskActivity> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        EnsureNewName(name, _activities.ContainsKey(name), "activity");
        _activities[name] = factory;
        return this;
    }

    /// <summary>True when an orchestrator of that name is registered.</summary>
    public bool HasOrchestrator(TaskName name) => _orchestrators.ContainsKey(name);

    /// <summary>True when an activity of that name is registered.</summary>
    public bool HasActivity(TaskName name) => _activities.ContainsKey(name);

    /// <summary>Creates the orchestrator registered under <paramref name="name"/>, or null.</summary>
    public ITaskOrchestrator? CreateOrchestrator(TaskName name, IServiceProvider services) =>
        _orchestrators.TryGetValue(name, out var factory) ? factory(services) : null;

    /// <summary>Creates the activity registered under <paramref name="name"/>, or null.</summary>
    public ITaskActivity? CreateActivity(TaskName name, IServiceProvider services) =>
        _activities.TryGetValue(name, out var factory) ? factory(services) : null;

    private static void EnsureNewName(TaskName name, bool exists, string kind)
    {
        if (string.IsNullOrWhiteSpace(name.Name))
        {
            throw new ArgumentException($"An {kind} name must not be empty.", nameof(name));
        }

        if (exists)
        {
            throw new ArgumentException($"An {kind} named '{name}' is already registered.", nameof(name));
        }
    }
}
