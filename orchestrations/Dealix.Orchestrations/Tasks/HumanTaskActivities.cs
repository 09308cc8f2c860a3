namespace Dealix.Orchestrations.Tasks;

/// <summary>The names of the human-task activities orchestrations call.</summary>
public static class HumanTaskActivities
{
    /// <summary>Input <see cref="HumanTaskRequest"/>, output true when this call created the task (false: it existed).</summary>
    public const string Create = Activities.CreateHumanTask.Name;

    /// <summary>Input the task id, output true when this call cancelled the open task.</summary>
    public const string Cancel = Activities.CancelHumanTask.Name;
}
