using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Connectors.Contracts;

/// <summary>
/// One connector action a deal's stage asks for (§8.1): <c>book_meeting</c> (the meeting's calendar event),
/// <c>sync_crm</c> (the deal written to the tenant's CRM) or <c>meeting_reminder</c> (a message to the contact one hour
/// before the meeting). The input of <see cref="DealConnectorActionOrchestrator"/>, which runs as the approval instance of
/// <see cref="DraftId"/>; the draft id is made from the deal, the action and the moment the stage was entered, so it is
/// the action's idempotency key as well.
/// </summary>
/// <remarks>WARNING: persisted in history. <c>Address</c> is the contact's number or address (never logged).</remarks>
public sealed record DealConnectorAction(
    string TenantId,
    string DealInstanceId,
    string ContactId,
    string Action,
    string ConnectorId,
    string DraftId,
    string CorrelationId,
    DealStage Stage,
    MessageChannel Channel,
    string Address,
    DateTime RequestedAt,
    DateTime? MeetingAt = null,
    string? ContactName = null);
