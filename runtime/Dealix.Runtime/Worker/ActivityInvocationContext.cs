namespace Dealix.Runtime.Worker;

/// <summary>
/// The activity context built from an activity request. The official context carries only the name and instance id;
/// the engine's task id, attempt and idempotency key are kept for its own telemetry, not for activity code, which
/// gets its idempotency key from its input so that it holds on any engine.
/// </summary>
internal sealed class ActivityInvocationContext(TaskName name, string instanceId, int taskId, string idempotencyKey, int attempt) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;

    public int TaskId { get; } = taskId;

    public string IdempotencyKey { get; } = idempotencyKey;

    public int Attempt { get; } = attempt;
}
