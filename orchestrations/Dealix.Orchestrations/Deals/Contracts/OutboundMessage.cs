namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>
/// A message on the outbox queue (<c>dealix-outbox</c>) for the channel sender. <see cref="DraftId"/> is the idempotency
/// key the sender records before it calls a provider.
/// </summary>
// WARNING: persisted on the queue and in history.
public sealed record OutboundMessage(
    string TenantId,
    string DraftId,
    string DealInstanceId,
    MessageChannel Channel,
    string CorrelationId,
    bool AutoApproved);
