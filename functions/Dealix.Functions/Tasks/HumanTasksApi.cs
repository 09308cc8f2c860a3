using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Functions.Infrastructure.Tasks;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Ports;
using Dealix.Orchestrations.Tasks.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Tasks;

/// <summary>
/// The human task list of every area (operator key required, tenant-scoped through <see cref="TenantGate"/>):
/// <c>GET /api/v1/tasks</c> (filters <c>status</c>, <c>area</c>, <c>owner_role</c>; <c>page_size</c> 1–100 and
/// <c>continuation</c>), <c>GET /api/v1/tasks/{taskId}</c>, <c>POST …/{taskId}/claim</c>, <c>POST …/{taskId}/release</c>
/// and <c>POST …/{taskId}/complete</c> with <c>{"outcome":"completed"|"rejected","result":{…strings}}</c>. The operator
/// is the authenticated key (its id). Completing an open, unclaimed task claims it on the way (any operator key of the
/// tenant may: keys carry no role); a task claimed by another operator is theirs (409) unless the key is an admin key.
/// Completing again with the same outcome answers 200 with the stored task; another outcome is 409.
/// </summary>
public static class HumanTasksApi
{
    public const string ListName = "HumanTasksList";
    public const string GetName = "HumanTaskGet";
    public const string ClaimName = "HumanTaskClaim";
    public const string ReleaseName = "HumanTaskRelease";
    public const string CompleteName = "HumanTaskComplete";

    private const long MaxBody = 32 * 1024;

    [Function(ListName)]
    public static async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/tasks")] HttpRequest request,
        IHumanTaskStore store,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "tasks/list", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        IQueryCollection q = request.Query;
        if (!OneOf(q["status"], HumanTaskValues.Statuses, out string? status) || !OneOf(q["area"], HumanTaskValues.Areas, out string? area)
            || !OneOf(q["owner_role"], HumanTaskValues.Roles, out string? role))
        {
            return DealHttp.BadRequest($"status must be one of {string.Join(", ", HumanTaskValues.Statuses)}; area one of {string.Join(", ", HumanTaskValues.Areas)}; "
                + $"owner_role one of {string.Join(", ", HumanTaskValues.Roles)}.", correlationId);
        }

        int size = 50;
        if (q["page_size"].ToString() is { Length: > 0 } sizeText && (!int.TryParse(sizeText, out size) || size is < 1 or > 100))
        {
            return DealHttp.BadRequest("page_size must be 1–100.", correlationId);
        }

        string? continuation = q["continuation"].ToString() is { Length: > 0 } token ? token : null;
        if (continuation is { Length: > 2048 })
        {
            return DealHttp.BadRequest("continuation is not a token of this list.", correlationId);
        }

        HumanTaskPage page = await store.ListAsync(access.Tenant!, new HumanTaskQuery(status, area, role, size, continuation), cancellation);
        DateTimeOffset now = clock.GetUtcNow();
        return Results.Ok(new { items = page.Items.Select(t => View(t, now)), continuation = page.ContinuationToken, correlation_id = correlationId });
    }

    [Function(GetName)]
    public static async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/tasks/{taskId}")] HttpRequest request,
        string taskId,
        IHumanTaskStore store,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "tasks/get", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        if (!HumanTaskRules.IsTaskId(taskId))
        {
            return BadTaskId(correlationId);
        }

        HumanTask? task = await store.GetAsync(access.Tenant!, taskId, cancellation);
        return task is null ? NotFound(taskId, correlationId) : Results.Ok(View(task, clock.GetUtcNow(), correlationId));
    }

    [Function(ClaimName)]
    public static async Task<IResult> ClaimAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/tasks/{taskId}/claim")] HttpRequest request,
        string taskId,
        HumanTaskDesk desk,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "tasks/claim", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        return !HumanTaskRules.IsTaskId(taskId)
            ? BadTaskId(correlationId)
            : Answer(await desk.ClaimAsync(access.Tenant!, taskId, access.Scope!.KeyId, correlationId, cancellation), taskId, clock, correlationId);
    }

    [Function(ReleaseName)]
    public static async Task<IResult> ReleaseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/tasks/{taskId}/release")] HttpRequest request,
        string taskId,
        HumanTaskDesk desk,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "tasks/release", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        return !HumanTaskRules.IsTaskId(taskId)
            ? BadTaskId(correlationId)
            : Answer(await desk.ReleaseAsync(access.Tenant!, taskId, access.Scope!.KeyId, access.Scope.IsAdmin, correlationId, cancellation), taskId, clock, correlationId);
    }

    [Function(CompleteName)]
    public static async Task<IResult> CompleteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/tasks/{taskId}/complete")] HttpRequest request,
        string taskId,
        [DurableClient] DurableTaskClient client,
        HumanTaskDesk desk,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "tasks/complete", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        if (!HumanTaskRules.IsTaskId(taskId))
        {
            return BadTaskId(correlationId);
        }

        byte[]? body = await DealHttp.ReadBodyAsync(request, MaxBody, cancellation);
        if (body is null)
        {
            return DealHttp.Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"The body may hold at most {MaxBody} bytes.", correlationId);
        }

        (string? outcome, IReadOnlyDictionary<string, string>? result, string? error) = ParseCompletion(body);
        if (error is not null || outcome is null)
        {
            return DealHttp.BadRequest(error ?? "outcome is required.", correlationId);
        }

        HumanTaskDecision? decision = await desk.CompleteAsync(client, access.Tenant!, taskId, outcome, result, access.Scope!.KeyId, access.Scope.IsAdmin,
            correlationId, cancellation);
        return Answer(decision, taskId, clock, correlationId);
    }

    /// <summary>The completion body: <c>outcome</c> (completed | rejected) and an optional <c>result</c> map of strings.</summary>
    internal static (string? Outcome, IReadOnlyDictionary<string, string>? Result, string? Error) ParseCompletion(byte[] body)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, "The body must be a JSON object with \"outcome\".");
            }

            if (!root.TryGetProperty("outcome", out JsonElement o) || o.ValueKind != JsonValueKind.String || !HumanTaskValues.OperatorOutcomes.Contains(o.GetString()))
            {
                return (null, null, $"outcome must be one of {string.Join(", ", HumanTaskValues.OperatorOutcomes)}.");
            }

            if (!root.TryGetProperty("result", out JsonElement r) || r.ValueKind == JsonValueKind.Null)
            {
                return (o.GetString(), null, null);
            }

            string limits = $"result must be an object of at most {HumanTaskRules.MaxDetails} string values, keys of 1–{HumanTaskRules.MaxDetailKeyLength} "
                + $"and values of at most {HumanTaskRules.MaxDetailValueLength} characters.";
            if (r.ValueKind != JsonValueKind.Object)
            {
                return (null, null, limits);
            }

            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JsonProperty entry in r.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String || entry.Name.Length is 0 or > HumanTaskRules.MaxDetailKeyLength
                    || entry.Value.GetString()!.Length > HumanTaskRules.MaxDetailValueLength || !result.TryAdd(entry.Name, entry.Value.GetString()!)
                    || result.Count > HumanTaskRules.MaxDetails)
                {
                    return (null, null, limits);
                }
            }

            return (o.GetString(), result, null);
        }
        catch (JsonException)
        {
            return (null, null, "The body is not valid JSON.");
        }
    }

    private static IResult Answer(HumanTaskDecision? decision, string taskId, TimeProvider clock, string correlationId) => decision switch
    {
        null => NotFound(taskId, correlationId),
        { Conflict: { } conflict } => DealHttp.Problem(StatusCodes.Status409Conflict, "conflict", conflict, correlationId),
        _ => Results.Ok(View(decision.Task, clock.GetUtcNow(), correlationId)),
    };

    private static object View(HumanTask t, DateTimeOffset now, string? correlationId = null) => new
    {
        task_id = t.TaskId,
        tenant = t.Tenant,
        area = t.Area,
        kind = t.Kind,
        title = t.Title,
        owner_role = t.OwnerRole,
        instance_id = t.InstanceId,
        subject_id = t.SubjectId,
        details = t.Details,
        created_at = t.CreatedAt,
        due_at = t.DueAt,
        sla_status = !t.IsOpen ? "closed" : now >= t.DueAt ? "overdue" : "on_time",
        status = t.Status,
        claimed_by = t.ClaimedBy,
        claimed_at = t.ClaimedAt,
        outcome = t.Outcome is { } o ? new { outcome = o.Outcome, completed_by = o.CompletedBy, completed_at = o.CompletedAt, result = o.Result } : null,
        delivered = t.Delivered,
        escalation_level = t.EscalationLevel,
        escalated_to = t.EscalatedTo,
        escalated_at = t.EscalatedAt,
        next_escalation_at = EscalationLadder.NextAt(t),
        correlation_id = correlationId,
    };

    private static bool OneOf(Microsoft.Extensions.Primitives.StringValues value, IReadOnlyList<string> allowed, out string? parsed)
    {
        parsed = value.ToString() is { Length: > 0 } v ? v : null;
        return parsed is null || allowed.Contains(parsed);
    }

    private static IResult BadTaskId(string correlationId) =>
        DealHttp.BadRequest($"taskId must be 1–{HumanTaskRules.MaxTaskIdLength} printable characters without '/', '\\', '#' or '?'.", correlationId);

    private static IResult NotFound(string taskId, string correlationId) =>
        DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No task {taskId} for this tenant.", correlationId);
}
