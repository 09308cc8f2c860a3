namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of the <c>OptOutContact</c> activity (§9.3 handling).</summary>
/// <remarks>
/// <para><c>IdempotencyKey</c>: made by the orchestrator for this call (see <see cref="Lifecycle.DealKeys.IdempotencyKey"/>);
/// a retry re-sends the same input, so every attempt writes under the same key.</para>
/// </remarks>
// WARNING: persisted in history.
public sealed record OptOutInput(
    string TenantId,
    string ContactId,
    string DealInstanceId,
    MessageChannel Channel,
    string Address,
    string SourceMessageId,
    string CorrelationId,
    string IdempotencyKey);
