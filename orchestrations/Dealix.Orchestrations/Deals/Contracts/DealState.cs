namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>
/// The input of each generation of <see cref="DealLifecycleOrchestrator"/>: everything the deal must remember across
/// continue-as-new. The first generation is started with <see cref="FirstMessage"/> set.
/// </summary>
/// <remarks>
/// <para><c>Address</c>: The contact's number or address on <see cref="Channel"/> (never logged).</para>
/// <para><c>RecentMessageIds</c>: The last provider message ids handled (bounded), to drop redeliveries.</para>
/// <para><c>ContactPaused</c>: A complaint paused automated contact (§8.3): no auto-send, no follow-ups.</para>
/// </remarks>
// WARNING: persisted in history.
public sealed record DealState
{
    public required string TenantId { get; init; }
    public required string ContactId { get; init; }
    public required MessageChannel Channel { get; init; }
    public required string Address { get; init; }
    public DealStage Stage { get; init; } = DealStage.NewLead;
    public string? CorrelationId { get; init; }
    public DateTime? LastInboundAt { get; init; }
    public PendingApproval? Pending { get; init; }
    public FollowUpPlan? FollowUp { get; init; }
    public List<string> RecentMessageIds { get; init; } = [];
    public int NoShowCount { get; init; }
    public bool ContactPaused { get; init; }
    public string? ContactName { get; init; }
    public InboundMessage? FirstMessage { get; init; }
    public DateTime? StageChangedAt { get; init; }

    /// <summary>
    /// Stage changes start the §8.1 connector actions (book_meeting, sync_crm, the meeting reminder). Set on deals started
    /// since those actions exist; older deals (and their recorded histories) keep running without them.
    /// </summary>
    public bool ConnectorActions { get; init; }

    /// <summary>When the booked meeting starts (from <c>meeting_scheduled</c>).</summary>
    public DateTime? MeetingAt { get; init; }

    /// <summary>Payment ids already handled (bounded), so a redelivered payment proposes nothing twice.</summary>
    public List<string> PaymentIds { get; init; } = [];

    /// <summary>Counts continue-as-new generations; mixed into ids so two generations never mint the same one.</summary>
    public int Generation { get; init; }
}
