namespace Dealix.Orchestrations.Tasks;

/// <summary>The external events of human tasks.</summary>
public static class HumanTaskEvents
{
    /// <summary>Raised on the task's instance with its <see cref="HumanTaskOutcome"/> when the task is completed or rejected.</summary>
    public static string Completed(string taskId) => "HumanTaskCompleted:" + taskId;
}
