namespace Dealix.Runtime.AzureStorage;

/// <summary>A message or stored row the backend gave up on, with why.</summary>
/// <param name="Id">Dead-letter id (for re-drive or delete).</param>
/// <param name="Kind"><c>PoisonMessage</c>, <c>UnreadableMessage</c>, <c>ForeignMessage</c> or <c>CorruptHistory</c>.</param>
/// <param name="Source">The queue (or table) it came from.</param>
/// <param name="InstanceId">The instance it concerns, when known.</param>
/// <param name="Reason">A readable reason.</param>
/// <param name="DequeueCount">How many times the message had been delivered.</param>
/// <param name="OccurredAt">When it was dead-lettered (UTC).</param>
/// <param name="Body">The raw message body or row content.</param>
public sealed record DeadLetter(
    string Id,
    string Kind,
    string Source,
    string? InstanceId,
    string Reason,
    long DequeueCount,
    DateTimeOffset OccurredAt,
    string? Body);
