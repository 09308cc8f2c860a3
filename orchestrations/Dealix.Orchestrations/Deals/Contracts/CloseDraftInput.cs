namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of the <c>CloseDraft</c> activity: moves a pending draft to <see cref="Status"/> (expired or cancelled)
/// unless someone decided first.</summary>
/// <remarks>
/// <para><c>IdempotencyKey</c>: made by the orchestrator for this call (see <see cref="Lifecycle.DealKeys.IdempotencyKey"/>);
/// a retry re-sends the same input, so every attempt writes under the same key.</para>
/// </remarks>
// WARNING: persisted in history.
public sealed record CloseDraftInput(string TenantId, string DraftId, DraftStatus Status, string Reason, string CorrelationId, string IdempotencyKey);
