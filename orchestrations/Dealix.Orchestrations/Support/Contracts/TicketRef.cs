namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>A ticket by tenant and id (activity input).</summary>
// WARNING: persisted in history.
public sealed record TicketRef(string TenantId, string TicketId);
