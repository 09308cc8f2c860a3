using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>Where the first response of a ticket goes: the customer's channel, address (personal data: never logged)
/// and the contact id derived from it.</summary>
// WARNING: persisted in history and storage.
public sealed record TicketReplyTo(MessageChannel Channel, string Address, string ContactId, string? Subject = null);
