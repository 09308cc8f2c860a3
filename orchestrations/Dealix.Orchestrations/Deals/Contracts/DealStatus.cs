namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>The deal's custom status, as the management API shows it (<c>customStatus</c>).</summary>
// WARNING: read by operators and tests through the management API; field names are public.
public sealed record DealStatus(
    DealStage Stage,
    string TenantId,
    string ContactId,
    string? PendingDraftId,
    DateTime? NextFollowUpAt,
    bool ContactPaused,
    string? CorrelationId);
