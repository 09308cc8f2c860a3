namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of the <c>AssembleEvidencePack</c> activity (§8.9): once per closed_won transition.</summary>
/// <remarks>
/// <para><c>IdempotencyKey</c>: made by the orchestrator for this call (see <see cref="Lifecycle.DealKeys.IdempotencyKey"/>);
/// a retry re-sends the same input, so every attempt writes under the same key.</para>
/// </remarks>
// WARNING: persisted in history.
public sealed record EvidencePackInput(
    string TenantId,
    string DealInstanceId,
    string ContactId,
    MessageChannel Channel,
    string CorrelationId,
    DateTime WonAt,
    string ClosedBy,
    string IdempotencyKey);
