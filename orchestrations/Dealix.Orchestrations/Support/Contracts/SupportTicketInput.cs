namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>
/// Input of <see cref="SupportTicketOrchestrator"/>: a ticket as it was taken in (classified at intake), where its first
/// response goes (none for a ticket opened by an SLA event or an API call without <c>reply_to</c>) and when it opened.
/// </summary>
/// <remarks><c>Source</c>: <c>api</c>, <c>email</c>, <c>whatsapp</c> or <c>sla_event</c>. <c>Carry</c>: set by the workflow
/// itself when it continues as new.</remarks>
// WARNING: persisted in history.
public sealed record SupportTicketInput(
    string TenantId,
    string TicketId,
    string Source,
    TicketPriority Priority,
    IReadOnlyList<string> MatchedKeywords,
    string Reason,
    DateTime OpenedAt,
    string CorrelationId,
    string Actor,
    string? Subject = null,
    string? Body = null,
    TicketReplyTo? ReplyTo = null,
    string? ProviderMessageId = null,
    TicketCarry? Carry = null);
