namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of the <c>CloseDraft</c> activity: moves a pending draft to <see cref="Status"/> (expired or cancelled)
/// unless someone decided first.</summary>
// WARNING: persisted in history.
public sealed record CloseDraftInput(string TenantId, string DraftId, DraftStatus Status, string Reason, string CorrelationId);
