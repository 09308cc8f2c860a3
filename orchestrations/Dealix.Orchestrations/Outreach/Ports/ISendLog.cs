using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Outreach.Ports;

/// <summary>Messages a tenant sent per channel and AST day, for the daily caps of §10.6; recording a draft twice counts once.</summary>
public interface ISendLog
{
    /// <summary>Records that <paramref name="draftId"/> went out on <paramref name="channel"/> on the AST day <paramref name="astDay"/>.</summary>
    Task RecordAsync(string tenantId, MessageChannel channel, DateOnly astDay, string draftId, CancellationToken cancellationToken = default);

    /// <summary>How many messages went out on a channel that day.</summary>
    Task<int> CountAsync(string tenantId, MessageChannel channel, DateOnly astDay, CancellationToken cancellationToken = default);
}
