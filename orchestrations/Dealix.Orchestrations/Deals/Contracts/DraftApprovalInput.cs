namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of <see cref="DraftApprovalOrchestrator"/>: which draft, for which deal, and the plan's inputs.</summary>
/// <remarks>
/// <para><c>WindowClosesAt</c>: For WhatsApp replies: when the 24-hour customer-service window closes (§7.2).</para>
/// <para><c>TicketPriority</c>, <c>ExpiresAt</c>: for a support first response (<see cref="DraftKind.SupportFirstResponse"/>):
/// the ticket's priority, which sets the approval SLA (§4.4), and when the draft is dropped.</para>
/// </remarks>
// WARNING: persisted in history.
public sealed record DraftApprovalInput(
    string TenantId,
    string DraftId,
    string DealInstanceId,
    DraftKind Kind,
    DealStage Stage,
    MessageChannel Channel,
    string CorrelationId,
    DateTime? WindowClosesAt = null,
    Support.Contracts.TicketPriority? TicketPriority = null,
    DateTime? ExpiresAt = null);
