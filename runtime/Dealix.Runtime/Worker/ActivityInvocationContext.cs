namespace Dealix.DurableTask.Worker;

/// <summary>The activity context built from an activity request.</summary>
internal sealed class ActivityInvocationContext(TaskName name, string instanceId, int taskId, string idempotencyKey, int attempt) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;

    public override int TaskId { get; } = taskId;

    public override string IdempotencyKey { get; } = idempotencyKey;

    public override int Attempt { get; } = attempt;
}
