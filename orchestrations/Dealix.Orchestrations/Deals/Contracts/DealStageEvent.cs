namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>
/// A non-message event for the deal state machine (§8.2), raised by an operator or a calendar ingest as
/// <see cref="DealEvents.StageEventRaised"/>: <c>qualification_complete</c>, <c>meeting_scheduled</c>,
/// <c>meeting_completed</c>, <c>meeting_no_show</c>, <c>proposal_sent</c>, <c>terms_agreed</c>, <c>payment_confirmed</c>,
/// <c>pilot_converted</c>, <c>pilot_not_converted</c>, <c>deal_lost</c>, <c>reopen</c>.
/// </summary>
/// <remarks>
/// <para><c>Name</c>: The event name (snake_case, §8.2).</para>
/// <para><c>Actor</c>: Who raised it (<c>operator</c>, <c>founder</c>, <c>calendar</c>).</para>
/// <para><c>CorrelationId</c>: Required: moves into approval stages are Class B.</para>
/// <para><c>CriteriaMet</c>: For <c>qualification_complete</c>: whether §8.7's criteria hold.</para>
/// <para><c>PurchaseType</c>: For <c>payment_confirmed</c>: <c>full</c> goes straight to closed_won.</para>
/// <para><c>Reason</c>: A free-form reason (e.g. why a deal was lost).</para>
/// <para><c>MeetingAt</c>: For <c>meeting_scheduled</c>: when the meeting starts (UTC); books the calendar event and the reminder.</para>
/// </remarks>
// WARNING: persisted in history.
public sealed record DealStageEvent(
    string Name,
    string Actor,
    string CorrelationId,
    bool? CriteriaMet = null,
    string? PurchaseType = null,
    string? Reason = null,
    DateTime? MeetingAt = null);
