using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Outreach.Ports;

/// <summary>
/// Sends one approved draft at most once with every re-check of §10.6 (the app's outbox sender) and says what it did:
/// <c>sent</c>, <c>simulated</c>, <c>manual_required</c>, <c>held</c>, <c>skipped</c>, <c>cancelled</c>, <c>failed</c>,
/// <c>unknown</c>, <c>refused</c> or <c>pending_template_approval</c>.
/// </summary>
public interface IDraftSender
{
    /// <summary>Sends the draft <paramref name="message"/> names.</summary>
    Task<string> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}
