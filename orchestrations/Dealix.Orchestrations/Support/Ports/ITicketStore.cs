using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Support.Ports;

/// <summary>The <c>Tickets</c> table: one row per ticket, partitioned by tenant.</summary>
public interface ITicketStore
{
    /// <summary>Stores a new ticket; a second call with the same id changes nothing (activity retries). True when this call stored it.</summary>
    Task<bool> CreateAsync(SupportTicket ticket, CancellationToken cancellationToken = default);

    /// <summary>The ticket, or null when this tenant has no such ticket.</summary>
    Task<SupportTicket?> GetAsync(string tenantId, string ticketId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the stored ticket (its projection of the SLA log).</summary>
    Task SaveAsync(SupportTicket ticket, CancellationToken cancellationToken = default);

    /// <summary>A tenant's tickets, newest first, optionally only those with <paramref name="status"/>.</summary>
    Task<IReadOnlyList<SupportTicket>> ListAsync(string tenantId, string? status = null, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>Every open ticket of every tenant (the SLA sweep).</summary>
    Task<IReadOnlyList<SupportTicket>> ListOpenAsync(CancellationToken cancellationToken = default);
}
