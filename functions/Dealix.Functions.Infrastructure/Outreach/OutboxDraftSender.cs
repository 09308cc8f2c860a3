using Dealix.Functions.Infrastructure.Outbox;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Outreach.Ports;

namespace Dealix.Functions.Infrastructure.Outreach;

/// <summary>The batch's sender is the outbox sender itself: the same re-checks, the same exactly-once claim.</summary>
public sealed class OutboxDraftSender(OutboxSender sender) : IDraftSender
{
    public async Task<string> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
        Wire(await sender.HandleAsync(message, cancellationToken));

    /// <summary>The snake_case name of a disposition (<c>manual_required</c>, <c>pending_template_approval</c>…).</summary>
    public static string Wire(SendDisposition disposition) => disposition switch
    {
        SendDisposition.ManualRequired => "manual_required",
        SendDisposition.PendingTemplateApproval => "pending_template_approval",
        _ => disposition.ToString().ToLowerInvariant(),
    };
}
