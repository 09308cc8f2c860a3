using Dealix.Functions.Infrastructure.Reliability;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Infrastructure.Webhooks;

/// <summary>
/// Hands accepted inbound messages to their deal: the first message of a contact starts
/// <see cref="DealLifecycleOrchestrator"/> under <c>deal:{tenant}:{contact}</c>, later ones are raised to it as
/// <see cref="DealEvents.InboundMessageReceived"/>. Redeliveries of a handed-over message are dropped by provider message id;
/// a message recorded but never handed over (the process died in between) is handed over when it is redelivered.
/// Messages without text (images, voice notes) and automated mail are recorded but start nothing.
/// </summary>
public sealed class DealInbox(IInboundDeduplicator deduplicator, IAuditLedger ledger, TimeProvider clock, OperatorConsole.IDealThread thread)
{
    /// <summary>Accepts one message for <paramref name="tenantId"/>; returns the deal instance id, or null when the message
    /// was a duplicate or needs no workflow.</summary>
    public async Task<InboxResult> AcceptAsync(DurableTaskClient client, string tenantId, InboundWebhookMessage message, string correlationId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(message);
        if (!await deduplicator.TryRecordAsync(message.Provider, message.ProviderMessageId, cancellationToken)
            && await deduplicator.IsHandedOverAsync(message.Provider, message.ProviderMessageId, cancellationToken))
        {
            return InboxResult.Duplicate;
        }

        // Recorded but not handed over yet: new, or its first delivery died between the two (a SIGKILL runs no catch
        // block) or is still handing over. Hand over (again): the deal drops a provider message id it already has.
        CrashPoints.Hit("inbox.after-dedup");
        try
        {
            InboxResult handedOver = await HandOverAsync(client, tenantId, message, correlationId, cancellationToken);
            await deduplicator.MarkHandedOverAsync(message.Provider, message.ProviderMessageId, cancellationToken);
            CrashPoints.Hit("inbox.after-handover");
            return handedOver;
        }
        catch
        {
            // Nothing accepted may be lost: forget the id so the provider's retry of this request is processed.
            await deduplicator.ForgetAsync(message.Provider, message.ProviderMessageId, CancellationToken.None);
            throw;
        }
    }

    private async Task<InboxResult> HandOverAsync(DurableTaskClient client, string tenantId, InboundWebhookMessage message, string correlationId,
        CancellationToken cancellationToken)
    {
        string contactId = DealKeys.ContactId(tenantId, message.Channel, message.From);
        string instanceId = DealKeys.DealInstanceId(tenantId, contactId);
        if (message.Text is null || message.IsAutomated || message.IsBounce)
        {
            string reason = message.IsBounce ? "bounce" : message.IsAutomated ? "automated" : $"non_text:{message.Type}";
            await ledger.AppendAsync(new AuditEntry(
                AuditIds.From($"inbound:{message.Provider}:{message.ProviderMessageId}"), tenantId, correlationId, "inbound_ignored", "A", "automation",
                instanceId, clock.GetUtcNow().UtcDateTime, Reason: reason, Outcome: "stored"), cancellationToken);
            return InboxResult.Ignored;
        }

        var inbound = new InboundMessage(tenantId, contactId, message.Channel, message.ProviderMessageId, message.From, message.Text,
            message.SentAt == DateTime.UnixEpoch ? clock.GetUtcNow().UtcDateTime : message.SentAt, correlationId, message.Subject, message.ContactName);

        // The conversation is on record before the deal has the message (the approval queue shows it, §4.5).
        await thread.RecordInboundAsync(instanceId, inbound, cancellationToken);
        OrchestrationMetadata? existing = await client.GetInstanceAsync(instanceId, false, cancellationToken);
        if (existing is null || existing.IsCompleted)
        {
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(DealLifecycleOrchestrator.Name, new DealState
                {
                    TenantId = tenantId,
                    ContactId = contactId,
                    Channel = message.Channel,
                    Address = message.From,
                    FirstMessage = inbound,
                    ConnectorActions = true,
                }, new StartOrchestrationOptions(instanceId), cancellationToken);
                return new InboxResult(InboxOutcome.Started, instanceId);
            }
            catch (OrchestrationAlreadyExistsException)
            {
                // Another webhook for the same contact started it a moment ago: hand this message to it.
            }
        }

        await client.RaiseEventAsync(instanceId, DealEvents.InboundMessageReceived, inbound, cancellationToken);
        return new InboxResult(InboxOutcome.Raised, instanceId);
    }
}
