namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>Input of the <c>OpenTicket</c> activity: the ticket to store, its instance and its first-response draft id.</summary>
// WARNING: persisted in history.
public sealed record OpenTicketInput(SupportTicketInput Ticket, string InstanceId, string? DraftId);
