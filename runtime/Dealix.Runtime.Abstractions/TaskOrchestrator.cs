namespace Dealix.DurableTask;

/// <summary>Base class for class-based orchestrators.</summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    Type ITaskOrchestrator.InputType => typeof(TInput);

    Type ITaskOrchestrator.OutputType => typeof(TOutput);

    /// <summary>The orchestrator body.</summary>
    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input)
    {
        if (input is not null && input is not TInput)
        {
            throw new ArgumentException($"The input is a {input.GetType().Name}; {GetType().Name} expects {typeof(TInput).Name}.", nameof(input));
        }

        return await RunAsync(context, (TInput)input!);
    }
}
