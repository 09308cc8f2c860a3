using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Functions.Infrastructure.Support;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Sla.Rules;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;
using Dealix.Orchestrations.Support.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Support;

/// <summary>
/// Tickets (operator key, tenant-scoped): <c>POST support/tickets</c> takes a ticket in from the API
/// (<c>{subject, body, ticket_id?, reply_to?: {channel: email|whatsapp, address}}</c>), classifies it, starts its
/// workflow (ticket row, SLA clock, first-response draft when it has a reply address) and answers 202;
/// <c>GET support/tickets?status=open|resolved</c> lists them; <c>GET support/tickets/{ticketId}</c> shows one with its
/// SLA position, SLA log and escalations.
/// </summary>
public static class SupportTicketsApi
{
    public const string CreateName = "SupportTicketCreate";
    public const string ListName = "SupportTicketList";
    public const string GetName = "SupportTicketGet";

    [Function(CreateName)]
    public static async Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/customer-ops/support/tickets")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "customer-ops/support/tickets", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string tenant = access.Tenant!;
        (JsonElement root, IResult? error) = await SupportHttp.ReadObjectAsync(request, correlationId, ["subject", "body", "ticket_id", "reply_to"], cancellation);
        if (error is not null)
        {
            return error;
        }

        string? subject = SupportHttp.OptionalString(root, "subject", 1000, out string? e1);
        string? body = SupportHttp.OptionalString(root, "body", 20000, out string? e2);
        string? ticketId = SupportHttp.OptionalString(root, "ticket_id", TicketKeys.MaxTicketIdLength, out string? e3);
        if ((e1 ?? e2 ?? e3) is { } bad)
        {
            return DealHttp.BadRequest(bad, correlationId);
        }

        if (ticketId is not null && !DealKeys.IsValidKey(ticketId, TicketKeys.MaxTicketIdLength))
        {
            return DealHttp.BadRequest($"'ticket_id' must be 1–{TicketKeys.MaxTicketIdLength} characters of A–Z, a–z, 0–9, '-' or '_'.", correlationId);
        }

        TicketReplyTo? replyTo = null;
        if (root.TryGetProperty("reply_to", out JsonElement reply) && reply.ValueKind != JsonValueKind.Null)
        {
            if (ReplyTo(tenant, reply, subject, out string? replyError) is not { } parsed)
            {
                return DealHttp.BadRequest(replyError!, correlationId);
            }

            replyTo = parsed;
        }

        TicketClassification classification = TicketClassifier.Default.Classify(subject, body);
        DateTime now = clock.GetUtcNow().UtcDateTime;
        if (TicketRouter.Route(classification, now) is not { } route)
        {
            return DealHttp.BadRequest("A ticket needs a subject or a body (empty_input).", correlationId);
        }

        string actor = request.Headers[DealHttp.OperatorHeader].ToString() is { Length: > 0 and <= 64 } op ? op : "api";
        ticketId ??= TicketKeys.New(Guid.NewGuid());
        bool started = await SupportIntake.StartAsync(client, new SupportTicketInput(tenant, ticketId, "api", classification.Priority,
            classification.MatchedKeywords, classification.Reason, now, correlationId, actor, subject, body, replyTo), cancellation);
        if (!started)
        {
            return DealHttp.Problem(StatusCodes.Status409Conflict, "Conflict", $"Ticket '{ticketId}' exists already (already_opened).", correlationId);
        }

        return Results.Json(new
        {
            tenant_id = tenant,
            ticket_id = ticketId,
            instance_id = TicketKeys.InstanceId(tenant, ticketId),
            priority = classification.Priority.ToString(),
            matched_keywords = classification.MatchedKeywords,
            reason = classification.Reason,
            owners = route.Tier.Owners,
            first_response_due_at = route.FirstResponseDueAt,
            resolution_due_at = route.ResolutionDueAt,
            first_response_draft_id = replyTo is null ? null : TicketKeys.FirstResponseDraftId(ticketId),
            auto_actions = route.AutoActions,
            approval_required = true,
            live_send_allowed = false,
            correlation_id = correlationId,
        }, statusCode: StatusCodes.Status202Accepted);
    }

    [Function(ListName)]
    public static async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/customer-ops/support/tickets")] HttpRequest request,
        ITicketStore tickets, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "customer-ops/support/tickets", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string status = request.Query["status"].ToString();
        if (status.Length > 0 && status is not ("open" or "resolved"))
        {
            return DealHttp.BadRequest("'status' must be open or resolved.", correlationId);
        }

        IReadOnlyList<SupportTicket> items = await tickets.ListAsync(access.Tenant!, status.Length == 0 ? null : status, 200, cancellation);
        return Results.Ok(new
        {
            tenant_id = access.Tenant,
            items = items.Select(t => SupportHttp.Wire(t, withText: false)),
            approval_required = true,
            live_send_allowed = false,
            correlation_id = correlationId,
        });
    }

    [Function(GetName)]
    public static async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/customer-ops/support/tickets/{ticketId}")] HttpRequest request,
        string ticketId, ITicketStore tickets, ISlaLogStore log, IEscalationLedger escalations, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "customer-ops/support/tickets/{id}", tenantRequired: true, correlationId, keys, ledger, clock,
            cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        if (!DealKeys.IsValidKey(ticketId, TicketKeys.MaxTicketIdLength))
        {
            return DealHttp.BadRequest("The ticket id is not valid.", correlationId);
        }

        if (await tickets.GetAsync(access.Tenant!, ticketId, cancellation) is not { } ticket)
        {
            return DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"Tenant '{access.Tenant}' has no ticket '{ticketId}'.", correlationId);
        }

        IReadOnlyList<SlaEvent> events = await log.ReadAsync(ticket.TenantId, ticketId, cancellation);
        SlaBreach? breach = SlaBreachClassifier.Classify(events, clock.GetUtcNow().UtcDateTime);
        IReadOnlyList<EscalationRecord> levels = await escalations.ListAsync(ticket.TenantId, ticketId, cancellation);
        return Results.Ok(new
        {
            ticket = SupportHttp.Wire(ticket, withText: true),
            sla = breach is null ? null : SupportHttp.Wire(breach),
            events = events.Select(SupportHttp.Wire),
            escalations = levels.Select(l => new { level = l.Level, recorded_by = l.RecordedBy, recorded_at = l.RecordedAt, alerted = l.Alerted }),
            approval_required = true,
            live_send_allowed = false,
            correlation_id = correlationId,
        });
    }

    private static TicketReplyTo? ReplyTo(string tenant, JsonElement reply, string? subject, out string? error)
    {
        error = null;
        if (reply.ValueKind != JsonValueKind.Object)
        {
            error = "'reply_to' must be an object {channel, address}.";
            return null;
        }

        string? channel = reply.TryGetProperty("channel", out JsonElement c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        string? address = reply.TryGetProperty("address", out JsonElement a) && a.ValueKind == JsonValueKind.String ? a.GetString()?.Trim() : null;
        if (reply.EnumerateObject().Any(p => p.Name is not ("channel" or "address")))
        {
            error = "'reply_to' has only 'channel' and 'address'.";
            return null;
        }

        MessageChannel? parsed = channel switch
        {
            "email" => MessageChannel.Email,
            "whatsapp" => MessageChannel.WhatsApp,
            _ => null,
        };
        bool valid = parsed switch
        {
            MessageChannel.Email => address is { Length: > 3 and <= 254 } && address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
                && at < address.Length - 1 && !address.Any(char.IsWhiteSpace),
            MessageChannel.WhatsApp => address is { Length: > 0 and <= 20 } && DealKeys.NormaliseAddress(MessageChannel.WhatsApp, address).Length is >= 8 and <= 15
                && address.All(ch => char.IsAsciiDigit(ch) || ch is '+' or ' ' or '-'),
            _ => false,
        };
        if (parsed is null || !valid)
        {
            error = "'reply_to' needs channel email (with a valid address) or whatsapp (with an international number).";
            return null;
        }

        return new TicketReplyTo(parsed.Value, address!, DealKeys.ContactId(tenant, parsed.Value, address!),
            parsed == MessageChannel.Email ? "Re: " + (string.IsNullOrWhiteSpace(subject) ? "your support request" : subject) : null);
    }
}
