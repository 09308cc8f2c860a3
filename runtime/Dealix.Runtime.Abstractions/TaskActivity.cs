namespace Dealix.DurableTask;

/// <summary>Base class for class-based activities.</summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    Type ITaskActivity.InputType => typeof(TInput);

    Type ITaskActivity.OutputType => typeof(TOutput);

    /// <summary>The activity body.</summary>
    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input)
    {
        if (input is not null && input is not TInput)
        {
            throw new ArgumentException($"The input is a {input.GetType().Name}; {GetType().Name} expects {typeof(TInput).Name}.", nameof(input));
        }

        return await RunAsync(context, (TInput)input!);
    }
}
