using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Functions.Infrastructure.Support;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Sla.Rules;
using Dealix.Orchestrations.Support;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;
using Dealix.Orchestrations.Support.Rules;
using Dealix.Orchestrations.Support.Tracking;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.Support;

/// <summary>
/// The §12.4 SLA routes (operator key, tenant-scoped). <c>POST sla/event</c> appends one strictly validated event
/// (§12.1) to a ticket's log — <c>ticket_opened</c> opens a tracked ticket with its own SLA workflow, the others are
/// appended and announced to the ticket's workflow, which re-plans its clock; <c>POST sla/classify-breach</c>
/// classifies a stored ticket (<c>{ticket_id}</c>) or a given event list (<c>{events}</c>) at now (§12.2);
/// <c>POST sla/health-report</c> reports the tenant's tickets over a window (<c>{window_days?}</c>, default 7, §12.3);
/// <c>GET sla/health-report-demo</c> reports a fixed demo set.
/// </summary>
public static partial class SlaApi
{
    public const string EventName = "SlaEvent";
    public const string ClassifyBreachName = "SlaClassifyBreach";
    public const string HealthReportName = "SlaHealthReport";
    public const string HealthReportDemoName = "SlaHealthReportDemo";

    /// <summary>How far in the future an event's time may lie (clock skew between caller and service).</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);

    private static readonly string[] EventFields = ["ticket_id", "event_type", "priority", "occurred_at", "actor", "note"];

    [Function(EventName)]
    public static async Task<IResult> EventAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/customer-ops/sla/event")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        TicketSlaRecorder recorder, ISlaLogStore log, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, ILoggerFactory loggers,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "customer-ops/sla/event", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string tenant = access.Tenant!;
        (JsonElement root, IResult? error) = await SupportHttp.ReadObjectAsync(request, correlationId, EventFields, cancellation);
        if (error is not null)
        {
            return error;
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        if (ParseEvent(root, tenant, correlationId, now, out string? problem) is not { } slaEvent)
        {
            return DealHttp.BadRequest(problem!, correlationId);
        }

        if (slaEvent.EventType == SlaEventType.TicketOpened)
        {
            if ((await log.ReadAsync(tenant, slaEvent.TicketId, cancellation)).Count > 0)
            {
                return Conflict("already_opened", "The ticket is already open.", correlationId);
            }

            bool started = await SupportIntake.StartAsync(client, new SupportTicketInput(tenant, slaEvent.TicketId, "sla_event", slaEvent.Priority, [],
                slaEvent.Note ?? "opened through sla/event", slaEvent.OccurredAt, correlationId, slaEvent.Actor), cancellation);
            return started
                ? Accepted(slaEvent, null, TicketKeys.InstanceId(tenant, slaEvent.TicketId), correlationId)
                : Conflict("already_opened", "The ticket is already open.", correlationId);
        }

        string key = TicketKeys.EventKey(tenant, slaEvent.TicketId, SlaLog.WireName(slaEvent.EventType), slaEvent.OccurredAt, slaEvent.Actor);
        (SlaEventValidation validation, TicketSlaView? view) = await recorder.RecordAsync(slaEvent, key, cancellation);
        if (!validation.Accepted)
        {
            return validation.Code == "first_event_not_opened"
                ? DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"Tenant '{tenant}' has no ticket '{slaEvent.TicketId}' (first_event_not_opened).",
                    correlationId)
                : Conflict(validation.Code ?? "rejected", validation.Reason ?? "The event does not fit the ticket's log.", correlationId);
        }

        // The log is the record; the workflow is told so that it re-plans its clock. If telling fails, its next timer
        // re-reads the log before it escalates anything.
        string instanceId = TicketKeys.InstanceId(tenant, slaEvent.TicketId);
        try
        {
            if (await client.GetInstanceAsync(instanceId, false, cancellation) is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
            {
                await client.RaiseEventAsync(instanceId, SupportEvents.SlaEventRecorded, slaEvent, cancellation);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            NotAnnounced(loggers.CreateLogger(typeof(SlaApi)), instanceId, e.GetType().Name, correlationId);
        }

        SlaBreach? breach = SlaBreachClassifier.Classify(await log.ReadAsync(tenant, slaEvent.TicketId, cancellation), now);
        return Accepted(slaEvent, breach, view is null ? null : instanceId, correlationId);
    }

    [Function(ClassifyBreachName)]
    public static async Task<IResult> ClassifyBreachAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/customer-ops/sla/classify-breach")] HttpRequest request,
        ISlaLogStore log, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "customer-ops/sla/classify-breach", tenantRequired: true, correlationId, keys, ledger, clock,
            cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string tenant = access.Tenant!;
        (JsonElement root, IResult? error) = await SupportHttp.ReadObjectAsync(request, correlationId, ["ticket_id", "events"], cancellation);
        if (error is not null)
        {
            return error;
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        bool hasTicket = root.TryGetProperty("ticket_id", out _);
        bool hasEvents = root.TryGetProperty("events", out JsonElement given);
        if (hasTicket == hasEvents)
        {
            return DealHttp.BadRequest("Give either 'ticket_id' (a stored ticket) or 'events' (a ticket's events in order).", correlationId);
        }

        IReadOnlyList<SlaEvent> events;
        if (hasTicket)
        {
            string? ticketId = SupportHttp.OptionalString(root, "ticket_id", TicketKeys.MaxTicketIdLength, out string? e1);
            if (e1 is not null || !DealKeys.IsValidKey(ticketId, TicketKeys.MaxTicketIdLength))
            {
                return DealHttp.BadRequest(e1 ?? "'ticket_id' is not a valid ticket id.", correlationId);
            }

            events = await log.ReadAsync(tenant, ticketId!, cancellation);
            if (events.Count == 0)
            {
                return DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"Tenant '{tenant}' has no ticket '{ticketId}'.", correlationId);
            }
        }
        else
        {
            if (given.ValueKind != JsonValueKind.Array || given.GetArrayLength() is 0 or > 500)
            {
                return DealHttp.BadRequest("'events' must be an array of 1–500 SLA events.", correlationId);
            }

            var list = new List<SlaEvent>();
            int index = 0;
            foreach (JsonElement item in given.EnumerateArray())
            {
                string? itemError = item.ValueKind != JsonValueKind.Object ? "must be an object"
                    : item.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !EventFields.Contains(n)) is { } unknown ? $"has an unknown field '{unknown}'" : null;
                SlaEvent? parsed = itemError is null ? ParseEvent(item, tenant, correlationId, DateTime.MaxValue.AddDays(-1), out itemError) : null;
                SlaEventValidation? check = parsed is null ? null : SlaLog.Validate(list, parsed);
                if (parsed is null || check is { Accepted: false })
                {
                    return DealHttp.BadRequest($"events[{index}] {itemError ?? $"is rejected: {check!.Code} ({check.Reason})"}", correlationId);
                }

                list.Add(parsed);
                index++;
            }

            events = list;
        }

        SlaBreach breach = SlaBreachClassifier.Classify(events, now)!;
        return Results.Ok(new
        {
            tenant_id = tenant,
            classified_at = now,
            breach = SupportHttp.Wire(breach),
            approval_required = true,
            live_send_allowed = false,
            correlation_id = correlationId,
        });
    }

    [Function(HealthReportName)]
    public static async Task<IResult> HealthReportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/customer-ops/sla/health-report")] HttpRequest request,
        ISlaLogStore log, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "customer-ops/sla/health-report", tenantRequired: true, correlationId, keys, ledger, clock,
            cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        (JsonElement root, IResult? error) = await SupportHttp.ReadObjectAsync(request, correlationId, ["window_days"], cancellation);
        if (error is not null)
        {
            return error;
        }

        int days = 7;
        if (root.TryGetProperty("window_days", out JsonElement w) && w.ValueKind != JsonValueKind.Null)
        {
            if (w.ValueKind != JsonValueKind.Number || !w.TryGetInt32(out days) || days is < 1 or > 90)
            {
                return DealHttp.BadRequest("'window_days' must be a whole number from 1 to 90.", correlationId);
            }
        }

        IReadOnlyList<IReadOnlyList<SlaEvent>> tickets = await log.ReadTenantAsync(access.Tenant!, cancellation);
        SlaHealthReport report = SlaHealthReporter.Build(tickets, clock.GetUtcNow().UtcDateTime, TimeSpan.FromDays(days));
        return Results.Ok(new
        {
            tenant_id = access.Tenant,
            report = SupportHttp.Wire(report),
            approval_required = true,
            live_send_allowed = false,
            correlation_id = correlationId,
        });
    }

    [Function(HealthReportDemoName)]
    public static async Task<IResult> HealthReportDemoAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/customer-ops/sla/health-report-demo")] HttpRequest request,
        OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "customer-ops/sla/health-report-demo", tenantRequired: true, correlationId, keys, ledger, clock,
            cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        SlaHealthReport report = SlaHealthReporter.Build(DemoTickets(), DemoNow);
        return Results.Ok(new
        {
            tenant_id = access.Tenant,
            demo = true,
            report = SupportHttp.Wire(report),
            approval_required = true,
            live_send_allowed = false,
            correlation_id = correlationId,
        });
    }

    /// <summary>The demo's instant: Thursday 2026-11-26 15:00 AST.</summary>
    public static readonly DateTime DemoNow = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>Ten demo tickets: eight within their targets, a P2 answered late, and a P0 resolved past 4 h (critical).</summary>
    public static IReadOnlyList<IReadOnlyList<SlaEvent>> DemoTickets()
    {
        var tickets = new List<IReadOnlyList<SlaEvent>>();
        for (int i = 0; i < 8; i++)
        {
            TicketPriority p = (TicketPriority)(1 + (i % 3));
            DateTime opened = DemoNow.AddDays(-1 - (i % 5)).AddHours(-i);
            tickets.Add(Demo($"demo-{i}", p, opened, opened.AddMinutes(20), opened.AddHours(3)));
        }

        DateTime late = DemoNow.AddDays(-2);
        tickets.Add(Demo("demo-late-p2", TicketPriority.P2, late, late.AddHours(9), late.AddHours(30)));
        DateTime p0 = DemoNow.AddDays(-3);
        tickets.Add(Demo("demo-p0", TicketPriority.P0, p0, p0.AddMinutes(20), p0.AddHours(5)));
        return tickets;
    }

    private static SlaEvent[] Demo(string id, TicketPriority p, DateTime opened, DateTime responded, DateTime resolved) =>
    [
        new(id, "demo", SlaEventType.TicketOpened, p, opened, "customer", "demo"),
        new(id, "demo", SlaEventType.FirstResponseSent, p, responded, "operator", "demo"),
        new(id, "demo", SlaEventType.Resolved, p, resolved, "operator", "demo"),
    ];

    private static SlaEvent? ParseEvent(JsonElement root, string tenant, string correlationId, DateTime now, out string? problem)
    {
        string? ticketId = SupportHttp.OptionalString(root, "ticket_id", TicketKeys.MaxTicketIdLength, out problem);
        if (problem is not null || !DealKeys.IsValidKey(ticketId, TicketKeys.MaxTicketIdLength))
        {
            problem ??= $"'ticket_id' is required: 1–{TicketKeys.MaxTicketIdLength} characters of A–Z, a–z, 0–9, '-' or '_'.";
            return null;
        }

        string? type = SupportHttp.OptionalString(root, "event_type", 40, out problem);
        if (problem is not null || !SlaLog.TryParseEventType(type, out SlaEventType eventType))
        {
            problem ??= $"'event_type' must be one of {string.Join(", ", Enum.GetValues<SlaEventType>().Select(SlaLog.WireName))} (unknown_event_type).";
            return null;
        }

        TicketPriority? priority = SupportHttp.Priority(SupportHttp.OptionalString(root, "priority", 2, out problem), out string? priorityError);
        problem ??= priorityError;
        if (problem is not null || priority is null)
        {
            return null;
        }

        DateTime? occurred = SupportHttp.UtcInstant(SupportHttp.OptionalString(root, "occurred_at", 40, out problem), "occurred_at", out string? timeError);
        problem ??= timeError;
        if (problem is not null || occurred is null)
        {
            return null;
        }

        if (occurred.Value > now + MaxFutureSkew)
        {
            problem = "'occurred_at' lies in the future.";
            return null;
        }

        string? actor = SupportHttp.OptionalString(root, "actor", 64, out problem);
        if (problem is not null || string.IsNullOrWhiteSpace(actor))
        {
            problem ??= "'actor' is required (who recorded the event, at most 64 characters).";
            return null;
        }

        string? note = SupportHttp.OptionalString(root, "note", 500, out problem);
        return problem is null ? new SlaEvent(ticketId!, tenant, eventType, priority.Value, occurred.Value, actor, correlationId, note) : null;
    }

    private static IResult Accepted(SlaEvent slaEvent, SlaBreach? breach, string? instanceId, string correlationId) => Results.Json(new
    {
        accepted = true,
        @event = SupportHttp.Wire(slaEvent),
        breach = breach is null ? null : SupportHttp.Wire(breach),
        instance_id = instanceId,
        approval_required = true,
        live_send_allowed = false,
        correlation_id = correlationId,
    }, statusCode: slaEvent.EventType == SlaEventType.TicketOpened ? StatusCodes.Status202Accepted : StatusCodes.Status200OK);

    private static IResult Conflict(string code, string reason, string correlationId) =>
        DealHttp.Problem(StatusCodes.Status409Conflict, "Conflict", $"{reason} ({code})", correlationId);

    [LoggerMessage(EventId = 1720, Level = LogLevel.Warning, Message = "SLA event recorded but not announced to {InstanceId} ({Error}, correlation {CorrelationId})")]
    private static partial void NotAnnounced(ILogger logger, string instanceId, string error, string correlationId);
}
