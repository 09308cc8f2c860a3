namespace Dealix.Functions.Infrastructure.Webhooks;

/// <summary>Remembers provider message ids so a redelivered webhook changes nothing (channels.md §8).</summary>
public interface IInboundDeduplicator
{
    /// <summary>Records the id; false when it was seen before.</summary>
    Task<bool> TryRecordAsync(string provider, string providerMessageId, CancellationToken cancellationToken = default);

    /// <summary>Forgets an id whose hand-over failed, so the provider's retry is processed instead of dropped.</summary>
    Task ForgetAsync(string provider, string providerMessageId, CancellationToken cancellationToken = default);
}
