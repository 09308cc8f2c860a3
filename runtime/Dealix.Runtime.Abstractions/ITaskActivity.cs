namespace Dealix.DurableTask;

/// <summary>An activity in untyped form, as the engine calls it.</summary>
public interface ITaskActivity
{
    /// <summary>The input type.</summary>
    Type InputType { get; }

    /// <summary>The output type.</summary>
    Type OutputType { get; }

    /// <summary>Runs the activity.</summary>
    Task<object?> RunAsync(TaskActivityContext context, object? input);
}
