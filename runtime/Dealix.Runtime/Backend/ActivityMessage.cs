namespace Dealix.Runtime.Backend;

/// <summary>A request to run one activity attempt.</summary>
/// <remarks>WARNING: persisted in queues and outboxes.</remarks>
/// <param name="MessageId">Unique id of this request.</param>
/// <param name="InstanceId">The orchestration that scheduled it.</param>
/// <param name="ExecutionId">Its execution.</param>
/// <param name="TaskId">The task id of this attempt; the reply carries it.</param>
/// <param name="Name">The activity name.</param>
/// <param name="Input">Serialized input.</param>
/// <param name="Attempt">Attempt number (1-based).</param>
/// <param name="IdempotencyKey">Stable across retries and re-deliveries of one logical call.</param>
public sealed record ActivityMessage(
    string MessageId,
    string InstanceId,
    string ExecutionId,
    int TaskId,
    string Name,
    string? Input,
    int Attempt,
    string IdempotencyKey)
{
    /// <summary>The W3C trace parent of the episode that scheduled the activity.</summary>
    public string? TraceParent { get; init; }
}
