using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Functions.Infrastructure.Incidents;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Incidents;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Ports;
using Dealix.Orchestrations.Incidents.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Incidents;

/// <summary>
/// The incident routes (§13.6, §20), each with a tenant-bound operator key (<see cref="TenantGate"/>) and a validated
/// JSON body (400 ProblemDetails, nothing stored):
/// <c>POST /api/v1/customer-ops/incidents/triage</c> and <c>/response-plan</c> (pure, change nothing);
/// <c>POST /api/v1/customer-ops/incidents</c> opens an incident (202 with its status URL; the same incident id again: 200);
/// <c>POST …/incidents/uptime</c> applies the §17.4 uptime rule (opens an incident below 99.5 %);
/// <c>GET …/incidents</c> and <c>GET …/incidents/{incidentId}</c> (plan progress, freeze, PDPL clock, updates, post-mortem);
/// <c>POST …/incidents/{incidentId}/status</c> reports it <c>contained</c> or <c>resolved</c>;
/// <c>POST …/incidents/{incidentId}/unfreeze</c> is the founder's decision to lift the freeze (the master key or an admin
/// operator key, as for the kill switch; it also completes the unfreeze task).
/// Plan steps, the PDPL decision and the unfreeze are acknowledged through the human-task API; customer updates are
/// decided in the approval center.
/// </summary>
public static class IncidentsApi
{
    public const string TriageName = "IncidentTriage";
    public const string PlanName = "IncidentResponsePlan";
    public const string OpenName = "IncidentOpen";
    public const string UptimeName = "IncidentUptimeCheck";
    public const string ListName = "IncidentList";
    public const string GetName = "IncidentGet";
    public const string StatusName = "IncidentStatus";
    public const string UnfreezeName = "IncidentUnfreeze";

    private const string Base = "v1/customer-ops/incidents";

    [Function(TriageName)]
    public static async Task<IResult> TriageAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Base + "/triage")] HttpRequest request,
        OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "incidents/triage", tenantRequired: false, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        (JsonElement body, IResult? bad) = await ReadObjectAsync(request, correlationId, cancellation);
        if (bad is not null)
        {
            return bad;
        }

        if (TriageInput(body, correlationId, out IncidentTriageInput input) is { } problem)
        {
            return problem;
        }

        IncidentTriage triage = IncidentPlaybook.Triage(input);
        return Results.Ok(new
        {
            severity = triage.Severity.ToString(),
            first_action_minutes = triage.FirstActionMinutes,
            comm_cadence = triage.CommCadence,
            auto_actions = triage.AutoActions,
            reasons = triage.Reasons,
            pdpl_notification_required = triage.PdplNotificationRequired,
            approval_required = true,
            live_send_allowed = false,
            correlation_id = correlationId,
        });
    }

    [Function(PlanName)]
    public static async Task<IResult> PlanAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Base + "/response-plan")] HttpRequest request,
        OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "incidents/response-plan", tenantRequired: false, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        (JsonElement body, IResult? bad) = await ReadObjectAsync(request, correlationId, cancellation);
        if (bad is not null)
        {
            return bad;
        }

        if (TriageInput(body, correlationId, out IncidentTriageInput input) is { } problem)
        {
            return problem;
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        if (!TryTime(body, "detected_at", now, out DateTime detectedAt))
        {
            return DealHttp.BadRequest("detected_at must be an ISO-8601 UTC time.", correlationId);
        }

        IncidentTriage triage = IncidentPlaybook.Triage(input);
        IncidentResponsePlan plan = IncidentPlaybook.Plan(triage, detectedAt);
        bool freeze = IncidentPlanTasks.FreezesOnTriage(triage);
        return Results.Ok(new
        {
            severity = triage.Severity.ToString(),
            canonical_steps = plan.CanonicalSteps.Select(s => new { order = s.Order, step = s.Step, title = s.Title, scope = s.Scope }),
            severity_steps = plan.SeveritySteps,
            post_mortem_template = plan.PostMortemSections,
            pdpl = new { notification_required = plan.Pdpl.NotificationRequired, detected_at = plan.Pdpl.DetectedAt, due_at = plan.Pdpl.DueAt, reminders = plan.Pdpl.Reminders },
            tasks = IncidentPlanTasks.For(plan, triage, freeze, detectedAt).Select(t => new { key = t.Key, title = t.Title, owner_role = t.OwnerRole, due_at = t.DueAt }),
            freeze = freeze,
            commander = IncidentPlanTasks.Commander(triage.Severity),
            approval_required = true,
            live_send_allowed = false,
            correlation_id = correlationId,
        });
    }

    [Function(OpenName)]
    public static async Task<IResult> OpenAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Base)] HttpRequest request,
        [DurableClient] DurableTaskClient client, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "incidents/open", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        (JsonElement body, IResult? bad) = await ReadObjectAsync(request, correlationId, cancellation);
        if (bad is not null)
        {
            return bad;
        }

        if (TriageInput(body, correlationId, out IncidentTriageInput triage) is { } problem)
        {
            return problem;
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        if (!TryTime(body, "detected_at", now, out DateTime detectedAt))
        {
            return DealHttp.BadRequest("detected_at must be an ISO-8601 UTC time.", correlationId);
        }

        if (!TryString(body, "incident_id", out string? incidentId) || !TryString(body, "title", out string? title) || !TryString(body, "customer_email", out string? email)
            || !TryString(body, "scope", out string? scope) || !TryString(body, "opened_by", out string? openedBy))
        {
            return DealHttp.BadRequest("incident_id, title, customer_email, scope and opened_by must be strings.", correlationId);
        }

        // Without an id, the correlation id names the incident: a retried request opens the same one.
        incidentId ??= "inc-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(access.Tenant + "|" + correlationId)), 0, 6);
        openedBy ??= request.Headers[DealHttp.OperatorHeader].ToString() is { Length: > 0 } op ? op : "operator";
        var open = new IncidentOpenRequest(access.Tenant!, incidentId, IncidentSources.Operator, title ?? string.Empty, triage.HasDataLeak, triage.HasUnauthorizedSend,
            triage.AffectedCustomers, triage.Description, triage.PersonalDataExposed, detectedAt, correlationId, openedBy, CustomerEmail: email, Scope: scope);
        return await LaunchAsync(request, client, open, ledger, clock, correlationId, cancellation);
    }

    [Function(UptimeName)]
    public static async Task<IResult> UptimeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Base + "/uptime")] HttpRequest request,
        [DurableClient] DurableTaskClient client, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "incidents/uptime", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        (JsonElement body, IResult? bad) = await ReadObjectAsync(request, correlationId, cancellation);
        if (bad is not null)
        {
            return bad;
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        if (!body.TryGetProperty("uptime_percent_7d", out JsonElement u) || u.ValueKind != JsonValueKind.Number || !u.TryGetDouble(out double uptime) || uptime is < 0 or > 100)
        {
            return DealHttp.BadRequest("uptime_percent_7d must be a number from 0 to 100.", correlationId);
        }

        if (!TryInt(body, "affected_customers", 1, out int affected) || !TryTime(body, "measured_at", now, out DateTime measuredAt))
        {
            return DealHttp.BadRequest("affected_customers must be a whole number and measured_at an ISO-8601 UTC time.", correlationId);
        }

        if (!IncidentRequests.UptimeBreached(uptime))
        {
            return Results.Ok(new { breached = false, threshold_percent = IncidentRequests.UptimeThresholdPercent, correlation_id = correlationId });
        }

        string actor = request.Headers[DealHttp.OperatorHeader].ToString() is { Length: > 0 } op ? op : "uptime_rule";
        IncidentOpenRequest open = IncidentRequests.Uptime(access.Tenant!, uptime, affected, measuredAt, correlationId, actor);
        return await LaunchAsync(request, client, open, ledger, clock, correlationId, cancellation);
    }

    [Function(ListName)]
    public static async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Base)] HttpRequest request,
        IIncidentStore store, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "incidents/list", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        IReadOnlyList<IncidentState> items = await store.ListAsync(access.Tenant!, 50, cancellation);
        return Results.Ok(new { items, correlation_id = correlationId });
    }

    [Function(GetName)]
    public static async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Base + "/{incidentId}")] HttpRequest request, string incidentId,
        [DurableClient] DurableTaskClient client, IIncidentStore store, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "incidents/get", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        if (!IncidentKeys.IsValidKey(incidentId, IncidentKeys.MaxIncidentIdLength))
        {
            return DealHttp.BadRequest("The incident id must be 1-48 letters, digits, '-' or '_'.", correlationId);
        }

        string instanceId = IncidentKeys.InstanceId(access.Tenant!, incidentId);
        OrchestrationMetadata? instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation);
        StoredIncident? stored = await store.GetAsync(access.Tenant!, incidentId, cancellation);
        IncidentState? state = instance?.SerializedCustomStatus is { Length: > 0 } ? instance.ReadCustomStatusAs<IncidentState>() : stored?.State;
        if (instance is null && stored is null)
        {
            return DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No incident {incidentId} for this tenant.", correlationId);
        }

        return Results.Ok(new
        {
            incident_id = incidentId,
            instance_id = instanceId,
            runtime_status = instance?.RuntimeStatus.ToString(),
            incident = state,
            post_mortem = stored?.PostMortem,
            correlation_id = correlationId,
        });
    }

    [Function(StatusName)]
    public static async Task<IResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Base + "/{incidentId}/status")] HttpRequest request, string incidentId,
        [DurableClient] DurableTaskClient client, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "incidents/status", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        if (!IncidentKeys.IsValidKey(incidentId, IncidentKeys.MaxIncidentIdLength))
        {
            return DealHttp.BadRequest("The incident id must be 1-48 letters, digits, '-' or '_'.", correlationId);
        }

        (JsonElement body, IResult? bad) = await ReadObjectAsync(request, correlationId, cancellation);
        if (bad is not null)
        {
            return bad;
        }

        if (!TryString(body, "status", out string? status) || status is not (IncidentStatusChange.Contained or IncidentStatusChange.Resolved))
        {
            return DealHttp.BadRequest("status must be 'contained' or 'resolved'.", correlationId);
        }

        if (!TryString(body, "note", out string? note) || note is { Length: > 300 })
        {
            return DealHttp.BadRequest("note must be a string of at most 300 characters.", correlationId);
        }

        string by = request.Headers[DealHttp.OperatorHeader].ToString() is { Length: > 0 and <= 64 } op ? op : "operator";
        string instanceId = IncidentKeys.InstanceId(access.Tenant!, incidentId);
        OrchestrationMetadata? instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation);
        if (instance is null)
        {
            return DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No incident {incidentId} for this tenant.", correlationId);
        }

        IncidentState? state = instance.SerializedCustomStatus is { Length: > 0 } ? instance.ReadCustomStatusAs<IncidentState>() : null;
        if (instance.IsCompleted || state?.Phase is IncidentStatusChange.Resolved or "closed")
        {
            return DealHttp.Problem(StatusCodes.Status409Conflict, "already_resolved", $"Incident {incidentId} is already resolved.", correlationId);
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        await client.RaiseEventAsync(instanceId, IncidentEvents.StatusChanged, new IncidentStatusChange(status, by, now, note), cancellation);
        await ledger.AppendAsync(new Orchestrations.Deals.Contracts.AuditEntry(Guid.NewGuid().ToString("N"), access.Tenant!, state?.CorrelationId ?? correlationId,
            "incident_" + status, "A", by, instanceId, now, Outcome: status), cancellation);
        return Results.Json(new { incident_id = incidentId, status, by, correlation_id = correlationId }, statusCode: StatusCodes.Status202Accepted);
    }

    [Function(UnfreezeName)]
    public static async Task<IResult> UnfreezeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Base + "/{incidentId}/unfreeze")] HttpRequest request, string incidentId,
        [DurableClient] DurableTaskClient client, Infrastructure.Tasks.HumanTaskDesk desk, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAdminAsync(request, "incidents/unfreeze", correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        if (DealHttp.Tenant(request) is not { } tenant)
        {
            return DealHttp.BadRequest("A valid tenant is required (X-Tenant-Id or ?tenant=).", correlationId);
        }

        if (!IncidentKeys.IsValidKey(incidentId, IncidentKeys.MaxIncidentIdLength))
        {
            return DealHttp.BadRequest("The incident id must be 1-48 letters, digits, '-' or '_'.", correlationId);
        }

        string instanceId = IncidentKeys.InstanceId(tenant, incidentId);
        OrchestrationMetadata? instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation);
        IncidentState? state = instance?.SerializedCustomStatus is { Length: > 0 } ? instance.ReadCustomStatusAs<IncidentState>() : null;
        if (instance is null || state is null)
        {
            return DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No incident {incidentId} for this tenant.", correlationId);
        }

        if (!state.Frozen || instance.IsCompleted)
        {
            return DealHttp.Problem(StatusCodes.Status409Conflict, "not_frozen", $"Incident {incidentId} holds no freeze.", correlationId);
        }

        string by = "founder:" + access.Scope!.KeyId;
        DateTime now = clock.GetUtcNow().UtcDateTime;
        await client.RaiseEventAsync(instanceId, IncidentEvents.Unfreeze, new IncidentStatusChange("unfrozen", by, now), cancellation);
        await desk.CompleteAsync(client, tenant, IncidentKeys.TaskId(instanceId, IncidentPlanTasks.UnfreezeKey), "completed",
            new Dictionary<string, string> { ["decision"] = "unfreeze" }, access.Scope.KeyId, admin: true, correlationId, cancellation);
        await ledger.AppendAsync(new Orchestrations.Deals.Contracts.AuditEntry(Guid.NewGuid().ToString("N"), tenant, state.CorrelationId, "incident_unfreeze_decided", "B",
            by, instanceId, now, Outcome: "unfreeze"), cancellation);
        return Results.Json(new { incident_id = incidentId, unfrozen_by = by, correlation_id = correlationId }, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> LaunchAsync(HttpRequest request, DurableTaskClient client, IncidentOpenRequest open, IAuditLedger ledger, TimeProvider clock,
        string correlationId, CancellationToken cancellation)
    {
        if (IncidentRequests.Problem(open, clock.GetUtcNow().UtcDateTime) is { } problem)
        {
            return DealHttp.BadRequest(problem, correlationId);
        }

        IncidentLaunch launch = await IncidentLauncher.OpenAsync(client, open, clock, cancellation);
        if (launch.Started)
        {
            await ledger.AppendAsync(new Orchestrations.Deals.Contracts.AuditEntry(Guid.NewGuid().ToString("N"), open.Tenant, correlationId, "incident_opened", "A",
                open.OpenedBy, launch.InstanceId, clock.GetUtcNow().UtcDateTime, Reason: open.Source, Outcome: "opened"), cancellation);
        }

        string statusUrl = $"/api/{Base}/{open.IncidentId}?tenant={open.Tenant}";
        request.HttpContext.Response.Headers.Location = statusUrl;
        return Results.Json(new
        {
            incident_id = open.IncidentId,
            instance_id = launch.InstanceId,
            started = launch.Started,
            status_url = statusUrl,
            approval_required = true,
            live_send_allowed = false,
            correlation_id = correlationId,
        }, statusCode: launch.Started ? StatusCodes.Status202Accepted : StatusCodes.Status200OK);
    }

    private static async Task<(JsonElement Body, IResult? Bad)> ReadObjectAsync(HttpRequest request, string correlationId, CancellationToken cancellation)
    {
        byte[]? bytes = await DealHttp.ReadBodyAsync(request, 64 * 1024, cancellation);
        if (bytes is null)
        {
            return (default, DealHttp.Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", "The body must be at most 64 KB.", correlationId));
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(bytes.Length == 0 ? "{}"u8.ToArray() : bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (default, DealHttp.BadRequest("The body must be a JSON object.", correlationId));
        }
        catch (JsonException)
        {
            return (default, DealHttp.BadRequest("The body is not valid JSON.", correlationId));
        }
    }

    /// <summary>The §13.1 inputs; null when valid, else the 400 answer.</summary>
    private static IResult? TriageInput(JsonElement body, string correlationId, out IncidentTriageInput input)
    {
        input = null!;
        if (!TryBool(body, "has_data_leak", out bool leak) || !TryBool(body, "has_unauthorized_send", out bool unauthorized)
            || !TryBool(body, "personal_data_exposed", out bool personal))
        {
            return DealHttp.BadRequest("has_data_leak, has_unauthorized_send and personal_data_exposed must be booleans.", correlationId);
        }

        if (!TryInt(body, "affected_customers", 0, out int affected) || affected is < 0 or > IncidentRequests.MaxAffected)
        {
            return DealHttp.BadRequest($"affected_customers must be a whole number from 0 to {IncidentRequests.MaxAffected}.", correlationId);
        }

        if (!TryString(body, "description", out string? description) || description is { Length: > IncidentRequests.MaxDescription })
        {
            return DealHttp.BadRequest($"description must be a string of at most {IncidentRequests.MaxDescription} characters.", correlationId);
        }

        input = new IncidentTriageInput(leak, unauthorized, affected, description, personal);
        return null;
    }

    private static bool TryBool(JsonElement body, string name, out bool value)
    {
        value = false;
        if (!body.TryGetProperty(name, out JsonElement e) || e.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (e.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return false;
        }

        value = e.GetBoolean();
        return true;
    }

    private static bool TryInt(JsonElement body, string name, int fallback, out int value)
    {
        value = fallback;
        return !body.TryGetProperty(name, out JsonElement e) || e.ValueKind == JsonValueKind.Null || (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out value));
    }

    private static bool TryString(JsonElement body, string name, out string? value)
    {
        value = null;
        if (!body.TryGetProperty(name, out JsonElement e) || e.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = e.GetString();
        return true;
    }

    private static bool TryTime(JsonElement body, string name, DateTime fallback, out DateTime value)
    {
        value = fallback;
        if (!TryString(body, name, out string? text))
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
        {
            return false;
        }

        value = parsed.UtcDateTime;
        return true;
    }
}
