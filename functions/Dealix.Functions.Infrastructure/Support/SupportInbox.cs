using Dealix.Functions.Infrastructure.Webhooks;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Rules;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Infrastructure.Support;

/// <summary>
/// The destination rule of the inbound channels: a message sent to a configured support mailbox or number
/// (<see cref="SupportOptions"/>) becomes a support ticket of that tenant, classified P0–P3 and routed, instead of a
/// deal message. Redeliveries are dropped by provider message id (the ticket id comes from it too); automated mail,
/// bounces and messages without text open no ticket.
/// </summary>
public sealed class SupportInbox(IOptions<SupportOptions> options, IInboundDeduplicator deduplicator, TimeProvider clock)
{
    /// <summary>The tenant whose support channel <paramref name="message"/> was sent to, or null when it is not a support message.</summary>
    public string? SupportTenant(InboundWebhookMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        SupportOptions o = options.Value;
        return message.Channel switch
        {
            MessageChannel.Email => Lookup(o.EmailAddresses, message.ReceivingAddress.Trim(), StringComparison.OrdinalIgnoreCase),
            MessageChannel.WhatsApp => Lookup(o.WhatsAppNumbers, message.ReceivingAddress.Trim(), StringComparison.Ordinal),
            _ => null,
        };
    }

    /// <summary>Takes a support message in: the ticket id, or null for a duplicate or a message that opens no ticket.</summary>
    public async Task<(InboxOutcome Outcome, string? TicketId)> AcceptAsync(DurableTaskClient client, string tenantId, InboundWebhookMessage message,
        string correlationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(message);
        if (!await deduplicator.TryRecordAsync(message.Provider, message.ProviderMessageId, cancellationToken))
        {
            return (InboxOutcome.Duplicate, null);
        }

        try
        {
            if (message.Text is null || message.IsAutomated || message.IsBounce)
            {
                return (InboxOutcome.Ignored, null);
            }

            TicketClassification classification = TicketClassifier.Default.Classify(message.Subject, message.Text);
            if (classification.Rejected is not null)
            {
                return (InboxOutcome.Ignored, null);
            }

            string ticketId = TicketKeys.FromMessage(message.Provider, message.ProviderMessageId);
            string contactId = DealKeys.ContactId(tenantId, message.Channel, message.From);
            string? subject = message.Channel == MessageChannel.Email
                ? (message.Subject is { Length: > 0 } s ? (s.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? s : "Re: " + s) : "Re: your support request")
                : null;
            bool started = await SupportIntake.StartAsync(client, new SupportTicketInput(tenantId, ticketId, message.Channel == MessageChannel.Email ? "email" : "whatsapp",
                classification.Priority, classification.MatchedKeywords, classification.Reason,
                clock.GetUtcNow().UtcDateTime, correlationId, "customer",
                message.Subject, message.Text, new TicketReplyTo(message.Channel, message.From, contactId, subject), message.ProviderMessageId), cancellationToken);
            return (started ? InboxOutcome.Started : InboxOutcome.Raised, ticketId);
        }
        catch
        {
            // Nothing accepted may be lost: forget the id so the provider's retry of this request is processed.
            await deduplicator.ForgetAsync(message.Provider, message.ProviderMessageId, CancellationToken.None);
            throw;
        }
    }

    private static string? Lookup(Dictionary<string, string> map, string key, StringComparison comparison) =>
        map.FirstOrDefault(p => string.Equals(p.Key, key, comparison)).Value;
}
