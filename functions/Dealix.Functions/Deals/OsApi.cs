using System.Text.Json;
using Dealix.Functions.Infrastructure.Webhooks;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Deals;

/// <summary>
/// The deal "OS" routes of §8.10 (operator key required): <c>GET /api/v1/os/stages</c> (stages and the transition table),
/// <c>POST /api/v1/os/process</c> (classify a message or take an event, work out the next stage and the actions; no side
/// effects), <c>POST /api/v1/os/bulk-process</c> (up to 100 of those), and <c>POST /api/v1/os/process-and-act</c> (hand a
/// message to its deal like a webhook would, or raise an operator event such as <c>terms_agreed</c> to the deal).
/// </summary>
public static class OsApi
{
    public const string StagesName = "OsStages";
    public const string ProcessName = "OsProcess";
    public const string BulkName = "OsBulkProcess";
    public const string ActName = "OsProcessAndAct";
    public const int MaxBulk = 100;

    [Function(StagesName)]
    public static async Task<IResult> StagesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/os/stages")] HttpRequest request,
        IDealStageRules rules,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "os/stages", tenantRequired: false, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        return Results.Ok(new
        {
            stages = Enum.GetValues<DealStage>().Select(s => new
            {
                id = DealStages.WireName(s),
                approval_stage = DealStages.IsApprovalStage(s),
                terminal = DealStages.IsTerminal(s),
                template = ReplyTemplates.ForStage(s),
            }),
            transitions = rules.Table.Select(r => new
            {
                from = r.From.Select(DealStages.WireName),
                trigger = r.Trigger,
                to = r.To is { } to ? DealStages.WireName(to) : null,
                needs_approval = r.NeedsApproval,
                notes = r.Notes,
            }),
            correlation_id = correlationId,
        });
    }

    [Function(ProcessName)]
    public static async Task<IResult> ProcessAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/os/process")] HttpRequest request,
        IReplyClassifier classifier,
        IDealStageRules rules,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "os/process", tenantRequired: false, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        try
        {
            (JsonDocument? parsed, IResult? invalid) = await DealHttp.ReadJsonObjectAsync(request, correlationId, cancellation);
            if (invalid is not null)
            {
                return invalid;
            }

            using JsonDocument body = parsed!;
            (object? result, string? error) = await ProcessOneAsync(body.RootElement, classifier, rules, cancellation);
            return error is null ? Results.Ok(new { result, correlation_id = correlationId }) : DealHttp.BadRequest(error, correlationId);
        }
        catch (JsonException)
        {
            return DealHttp.BadRequest("The body is not valid JSON.", correlationId);
        }
    }

    [Function(BulkName)]
    public static async Task<IResult> BulkAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/os/bulk-process")] HttpRequest request,
        IReplyClassifier classifier,
        IDealStageRules rules,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "os/bulk-process", tenantRequired: false, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        try
        {
            (JsonDocument? parsed, IResult? invalid) = await DealHttp.ReadJsonObjectAsync(request, correlationId, cancellation);
            if (invalid is not null)
            {
                return invalid;
            }

            using JsonDocument body = parsed!;
            if (!body.RootElement.TryGetProperty("events", out JsonElement events) || events.ValueKind != JsonValueKind.Array
                || events.GetArrayLength() is 0 or > MaxBulk)
            {
                return DealHttp.BadRequest($"'events' must be an array of 1–{MaxBulk} events.", correlationId);
            }

            var results = new List<object>();
            foreach (JsonElement item in events.EnumerateArray())
            {
                (object? result, string? error) = await ProcessOneAsync(item, classifier, rules, cancellation);
                results.Add(error is null ? new { ok = true, result } : new { ok = false, error });
            }

            return Results.Ok(new { results, correlation_id = correlationId });
        }
        catch (JsonException)
        {
            return DealHttp.BadRequest("The body is not valid JSON.", correlationId);
        }
    }

    [Function(ActName)]
    public static async Task<IResult> ProcessAndActAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/os/process-and-act")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        DealInbox inbox,
        TimeProvider clock,
        OperatorKeys keys,
        IAuditLedger ledger,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "os/process-and-act", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string tenant = access.Tenant!;

        try
        {
            (JsonDocument? parsed, IResult? invalid) = await DealHttp.ReadJsonObjectAsync(request, correlationId, cancellation);
            if (invalid is not null)
            {
                return invalid;
            }

            using JsonDocument body = parsed!;
            JsonElement root = body.RootElement;
            if (!TryChannel(Str(root, "channel") ?? "whatsapp", out MessageChannel channel))
            {
                return DealHttp.BadRequest("channel must be whatsapp, email, sms or linkedin.", correlationId);
            }

            if (Str(root, "event") is { } eventName)
            {
                string? contactId = Str(root, "contact_id");
                if (contactId is null || !DealKeys.IsValidKey(contactId) || !DealTriggers.OperatorEvents.Contains(eventName))
                {
                    return DealHttp.BadRequest($"An operator event needs a valid contact_id and one of: {string.Join(", ", DealTriggers.OperatorEvents)}.", correlationId);
                }

                string instanceId = DealKeys.DealInstanceId(tenant, contactId);
                if (await client.GetInstanceAsync(instanceId, cancellation: cancellation) is not { IsRunning: true })
                {
                    return DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No running deal for contact {contactId}.", correlationId);
                }

                if (!Connectors.MeetingTime.TryRead(root, eventName, out DateTime? meetingAt, out string? meetingError))
                {
                    return DealHttp.BadRequest(meetingError!, correlationId);
                }

                string actor = request.Headers[DealHttp.OperatorHeader].ToString() is { Length: > 0 } a ? a : "operator";
                await client.RaiseEventAsync(instanceId, DealEvents.StageEventRaised, new DealStageEvent(eventName, actor, correlationId,
                    root.TryGetProperty("criteria_met", out JsonElement cm) && cm.ValueKind is JsonValueKind.True or JsonValueKind.False ? cm.GetBoolean() : null,
                    Str(root, "purchase_type"), Str(root, "reason"), meetingAt), cancellation);
                return Results.Accepted(value: new { deal_id = instanceId, @event = eventName, correlation_id = correlationId });
            }

            string? from = Str(root, "from");
            string? text = Str(root, "text");
            if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(text))
            {
                return DealHttp.BadRequest("A message needs 'from' and 'text' (or send an 'event').", correlationId);
            }

            string messageId = Str(root, "message_id") ?? $"api-{correlationId}";
            var message = new InboundWebhookMessage("api", channel, messageId, from, string.Empty, "text", text, clock.GetUtcNow().UtcDateTime,
                Str(root, "name"), Str(root, "subject"));
            InboxResult result = await inbox.AcceptAsync(client, tenant, message, correlationId, cancellation);
            return Results.Accepted(value: new { outcome = result.Outcome.ToString().ToLowerInvariant(), deal_id = result.InstanceId, correlation_id = correlationId });
        }
        catch (JsonException)
        {
            return DealHttp.BadRequest("The body is not valid JSON.", correlationId);
        }
        catch (ArgumentException e)
        {
            return DealHttp.BadRequest(e.Message, correlationId);
        }
        catch (WebhookPayloadException e)
        {
            return DealHttp.BadRequest(e.Message, correlationId);
        }
    }

    private static async Task<(object? Result, string? Error)> ProcessOneAsync(JsonElement item, IReplyClassifier classifier, IDealStageRules rules, CancellationToken cancellation)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, "Each event must be an object.");
        }

        DealStage stage = DealStage.NewLead;
        if (Str(item, "stage") is { } s && !TryStage(s, out stage))
        {
            return (null, $"Unknown stage '{s}'.");
        }

        MessageClassification? classification = null;
        StageTrigger trigger;
        if (Str(item, "text") is { Length: > 0 } text)
        {
            classification = await classifier.ClassifyAsync(text, cancellation);
            trigger = StageTrigger.Intent(classification.Category);
        }
        else if (Str(item, "event") is { Length: > 0 } name)
        {
            trigger = new StageTrigger(name, false, item.TryGetProperty("criteria_met", out JsonElement cm) && cm.ValueKind is JsonValueKind.True,
                Str(item, "purchase_type"));
        }
        else
        {
            return (null, "An event needs 'text' (a message) or 'event' (an operator or timer event).");
        }

        StageTransition transition = rules.Apply(stage, trigger);
        string? reply = classification is null ? null : ReplyTemplates.ComposeReply(classification, transition);
        return (new
        {
            category = classification?.Category,
            confidence = classification?.Confidence,
            auto_reply_allowed = classification?.AutoReplyAllowed,
            from_stage = DealStages.WireName(transition.From),
            next_stage = DealStages.WireName(transition.NeedsApproval ? transition.From : transition.To),
            proposed_stage = transition.NeedsApproval ? DealStages.WireName(transition.To) : null,
            needs_approval = transition.NeedsApproval || (reply is not null && !(classification?.AutoReplyAllowed ?? false)),
            reason = transition.Reason,
            actions = transition.Actions,
            suggested_response = reply,
        }, null);
    }

    private static bool TryStage(string value, out DealStage stage)
    {
        foreach (DealStage candidate in Enum.GetValues<DealStage>())
        {
            if (DealStages.WireName(candidate) == value)
            {
                stage = candidate;
                return true;
            }
        }

        stage = DealStage.NewLead;
        return false;
    }

    private static bool TryChannel(string value, out MessageChannel channel)
    {
        foreach (MessageChannel candidate in Enum.GetValues<MessageChannel>())
        {
            if (ApprovalCenterApi.Wire(candidate) == value)
            {
                channel = candidate;
                return true;
            }
        }

        channel = MessageChannel.WhatsApp;
        return false;
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
