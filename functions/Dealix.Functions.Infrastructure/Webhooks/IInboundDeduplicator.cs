namespace Dealix.Functions.Infrastructure.Webhooks;

/// <summary>
/// Remembers provider message ids so a redelivered webhook changes nothing (channels.md §8). An id is recorded when its
/// delivery arrives and marked handed over once its deal has it: a redelivery of an id that was recorded but never
/// handed over (the process died in between) is handed over again instead of being dropped as a duplicate.
/// </summary>
public interface IInboundDeduplicator
{
    /// <summary>Records the id as received; false when it was seen before.</summary>
    Task<bool> TryRecordAsync(string provider, string providerMessageId, CancellationToken cancellationToken = default);

    /// <summary>True when the id was handed over to its workflow (or needed none); false when only received.</summary>
    Task<bool> IsHandedOverAsync(string provider, string providerMessageId, CancellationToken cancellationToken = default);

    /// <summary>Marks the id as handed over: from now on a redelivery is a duplicate.</summary>
    Task MarkHandedOverAsync(string provider, string providerMessageId, CancellationToken cancellationToken = default);

    /// <summary>Forgets an id whose hand-over failed, so the provider's retry is processed instead of dropped.</summary>
    Task ForgetAsync(string provider, string providerMessageId, CancellationToken cancellationToken = default);
}
