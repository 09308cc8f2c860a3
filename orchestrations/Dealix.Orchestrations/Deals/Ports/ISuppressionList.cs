using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>
/// A tenant's suppression list (§9.3): numbers and addresses that must never be messaged again (opt-out, bounce,
/// complaint). Checked before every draft and again before every send.
/// </summary>
public interface ISuppressionList
{
    /// <summary>The suppression of an address on a channel, or null when it may be contacted.</summary>
    Task<SuppressionRecord?> FindAsync(string tenantId, MessageChannel channel, string address, CancellationToken cancellationToken = default);

    /// <summary>Adds an address; adding it again keeps the first record.</summary>
    Task AddAsync(SuppressionRecord record, CancellationToken cancellationToken = default);
}
