using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.DurableTask;

/// <summary>
/// The orchestrators and activities a worker can run, by name. Class-based tasks are registered by type (their name
/// is their <c>public const string Name</c>, else the class name) and created per invocation with constructor
/// injection; function-style tasks are registered with an explicit name.
/// </summary>
public sealed class DurableTaskRegistry
{
    private readonly Dictionary<TaskName, Func<IServiceProvider, ITaskOrchestrator>> _orchestrators = [];
    private readonly Dictionary<TaskName, Func<IServiceProvider, ITaskActivity>> _activities = [];

    /// <summary>Registered orchestrator names.</summary>
    public IReadOnlyCollection<TaskName> OrchestratorNames => _orchestrators.Keys;

    /// <summary>Registered activity names.</summary>
    public IReadOnlyCollection<TaskName> ActivityNames => _activities.Keys;

    /// <summary>Registers a class-based orchestrator under its declared name.</summary>
    public DurableTaskRegistry AddOrchestrator<TOrchestrator>() where TOrchestrator : class, ITaskOrchestrator =>
        AddOrchestrator(NameOf(typeof(TOrchestrator)), typeof(TOrchestrator));

    /// <summary>Registers a class-based orchestrator under an explicit name.</summary>
    public DurableTaskRegistry AddOrchestrator(TaskName name, Type orchestratorType)
    {
        ArgumentNullException.ThrowIfNull(orchestratorType);
        if (!typeof(ITaskOrchestrator).IsAssignableFrom(orchestratorType))
        {
            throw new ArgumentException($"{orchestratorType.Name} does not implement ITaskOrchestrator.", nameof(orchestratorType));
        }

        return AddOrchestrator(name, services => (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, orchestratorType));
    }

    /// <summary>Registers an orchestrator factory under a name.</summary>
    public DurableTaskRegistry AddOrchestrator(TaskName name, Func<IServiceProvider, ITaskOrchestrator> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        EnsureNewName(name, _orchestrators.ContainsKey(name), "orchestrator");
        _orchestrators[name] = factory;
        return this;
    }

    /// <summary>Registers a function-style orchestrator.</summary>
    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(TaskName name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        var orchestrator = new FuncOrchestrator<TInput, TOutput>(implementation);
        return AddOrchestrator(name, _ => orchestrator);
    }

    /// <summary>Registers a function-style orchestrator without input.</summary>
    public DurableTaskRegistry AddOrchestratorFunc<TOutput>(TaskName name, Func<TaskOrchestrationContext, Task<TOutput>> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return AddOrchestratorFunc<object?, TOutput>(name, (context, _) => implementation(context));
    }

    /// <summary>Registers a class-based activity under its declared name.</summary>
    public DurableTaskRegistry AddActivity<TActivity>() where TActivity : class, ITaskActivity =>
        AddActivity(NameOf(typeof(TActivity)), typeof(TActivity));

    /// <summary>Registers a class-based activity under an explicit name.</summary>
    public DurableTaskRegistry AddActivity(TaskName name, Type activityType)
    {
        ArgumentNullException.ThrowIfNull(activityType);
        if (!typeof(ITaskActivity).IsAssignableFrom(activityType))
        {
            throw new ArgumentException($"{activityType.Name} does not implement ITaskActivity.", nameof(activityType));
        }

        return AddActivity(name, services => (ITaskActivity)ActivatorUtilities.CreateInstance(services, activityType));
    }

    /// <summary>Registers an activity factory under a name.</summary>
    public DurableTaskRegistry AddActivity(TaskName name, Func<IServiceProvider, ITaskActivity> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        EnsureNewName(name, _activities.ContainsKey(name), "activity");
        _activities[name] = factory;
        return this;
    }

    /// <summary>Registers a function-style activity.</summary>
    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(TaskName name, Func<TaskActivityContext, TInput, Task<TOutput>> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        var activity = new FuncActivity<TInput, TOutput>(implementation);
        return AddActivity(name, _ => activity);
    }

    /// <summary>Registers a synchronous function-style activity.</summary>
    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(TaskName name, Func<TaskActivityContext, TInput, TOutput> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return AddActivityFunc<TInput, TOutput>(name, (context, input) => Task.FromResult(implementation(context, input)));
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

    /// <summary>The declared name of a task class: its <c>public const string Name</c>, else the class name.</summary>
    public static TaskName NameOf(Type taskType)
    {
        ArgumentNullException.ThrowIfNull(taskType);
        FieldInfo? field = taskType.GetField("Name", BindingFlags.Public | BindingFlags.Static);
        return field is { IsLiteral: true } && field.GetRawConstantValue() is string declared && declared.Length > 0
            ? declared
            : taskType.Name;
    }

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

    private sealed class FuncOrchestrator<TInput, TOutput>(Func<TaskOrchestrationContext, TInput, Task<TOutput>> body)
        : TaskOrchestrator<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input) => body(context, input);
    }

    private sealed class FuncActivity<TInput, TOutput>(Func<TaskActivityContext, TInput, Task<TOutput>> body)
        : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => body(context, input);
    }
}
