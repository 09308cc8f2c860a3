namespace Dealix.DurableTask;

/// <summary>An orchestrator in untyped form, as the engine calls it.</summary>
public interface ITaskOrchestrator
{
    /// <summary>The input type.</summary>
    Type InputType { get; }

    /// <summary>The output type.</summary>
    Type OutputType { get; }

    /// <summary>Runs the orchestrator.</summary>
    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}
