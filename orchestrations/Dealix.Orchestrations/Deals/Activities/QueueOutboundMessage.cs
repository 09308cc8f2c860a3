using Microsoft.DurableTask;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Orchestrations.Deals.Activities;

/// <summary>
/// Hands an approved draft to the outbox queue for the channel sender and records that on the ledger. A send is a
/// Class B action: without a correlation id it is refused and the refusal is recorded (I6). Queuing twice is harmless:
/// the sender sends each draft at most once. Its ledger line is keyed by the deal and the draft: a draft is queued by
/// one call of its deal, and the outbox message (shared with the operator API) carries no key of its own.
/// </summary>
[DurableTask(Name)]
public sealed class QueueOutboundMessage(IOutbox outbox, IAuditLedger ledger, TimeProvider clock) : TaskActivity<OutboundMessage, bool>
{
    public const string Name = "QueueOutboundMessage";

    public override async Task<bool> RunAsync(TaskActivityContext context, OutboundMessage input)
    {
        string key = $"{input.DealInstanceId}|{input.DraftId}|queue";
        DateTime now = clock.GetUtcNow().UtcDateTime;
        string channel = System.Text.Json.JsonSerializer.Serialize(input.Channel).Trim('"');
        if (string.IsNullOrWhiteSpace(input.CorrelationId))
        {
            await ledger.AppendAsync(new AuditEntry(
                AuditIds.From(key), input.TenantId, string.Empty, "missing_correlation_id", "B", "automation",
                input.DealInstanceId, now, Channel: channel, ApprovalId: input.DraftId, Reason: "send", Outcome: "refused"));
            return false;
        }

        await outbox.EnqueueAsync(input);
        await ledger.AppendAsync(new AuditEntry(
            AuditIds.From(key), input.TenantId, input.CorrelationId, "send_queued", "B", "automation",
            input.DealInstanceId, now, Channel: channel, ApprovalId: input.DraftId, AutoApproved: input.AutoApproved, Outcome: "queued"));
        return true;
    }
}
