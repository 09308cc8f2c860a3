using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>The outbound transport (<c>dealix-outbox</c> storage queue today; a Service Bus queue later).</summary>
public interface IOutbox
{
    /// <summary>Queues a message for the channel sender, visible after <paramref name="delay"/>.</summary>
    Task EnqueueAsync(OutboundMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default);
}
