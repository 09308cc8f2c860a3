using System.Text.Json;
using Dealix.Runtime.Backend;
using Dealix.Runtime.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dealix.Runtime.Testing;

/// <summary>
/// Runs a recorded history against the current orchestrator code, without storage, to catch a nondeterministic
/// change before it ships: a shipped orchestrator's recorded histories must keep replaying.
/// </summary>
public static class HistoryReplayer
{
    /// <summary>Reads a history saved with <see cref="Serialize"/>.</summary>
    public static IReadOnlyList<HistoryEvent> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<HistoryEvent>>(json, WebJsonDataConverter.Options)
        ?? throw new ArgumentException("The history document is empty.", nameof(json));

    /// <summary>Writes a history as JSON.</summary>
    public static string Serialize(IReadOnlyList<HistoryEvent> history) =>
        JsonSerializer.Serialize(history, WebJsonDataConverter.Options);

    /// <summary>
    /// Replays <paramref name="history"/> through the orchestrator it names. Throws
    /// <see cref="NonDeterministicOrchestrationException"/> with the step, the code's action and the history's action
    /// when they diverge.
    /// </summary>
    public static void Replay(TaskCatalog registry, IReadOnlyList<HistoryEvent> history, IServiceProvider? services = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(history);
        if (EpisodeProcessor.StartOf(history) is not { } started)
        {
            throw new ArgumentException("A history starts with an ExecutionStarted event.", nameof(history));
        }

        services ??= new ServiceCollection().BuildServiceProvider();
        ITaskOrchestrator orchestrator = registry.CreateOrchestrator(started.Name, services)
            ?? throw new ArgumentException($"No orchestrator named '{started.Name}' is registered.", nameof(registry));
        EpisodeOutcome outcome = OrchestrationExecutor.Execute(
            "replay", orchestrator, history, [], WebJsonDataConverter.Default, NullLoggerFactory.Instance);
        if (outcome.FailureDetails is { } failure && failure.IsCausedBy<NonDeterministicOrchestrationException>())
        {
            throw new NonDeterministicOrchestrationException(failure.ErrorMessage);
        }
    }
}
