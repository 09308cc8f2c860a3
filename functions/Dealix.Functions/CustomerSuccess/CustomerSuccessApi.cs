using Dealix.Functions.Deals;
using Dealix.Functions.Infrastructure.CustomerSuccess;
using Dealix.Orchestrations.CustomerSuccess;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Ports;
using Dealix.Orchestrations.CustomerSuccess.Rules;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.CustomerSuccess;

/// <summary>
/// The customer-success routes (operator key bound to the tenant, §14.8 and the cadence): the stateless §14.8 helpers
/// (<c>weekly-check-in</c>, <c>at-risk-alert</c>, <c>success-plan</c>), starting and reading a customer's cadence, and
/// the health inputs and scores the daily at-risk job works from. Every body is validated before anything is stored.
/// </summary>
public static class CustomerSuccessApi
{
    public const string CheckInName = "CsWeeklyCheckIn";
    public const string AtRiskName = "CsAtRiskAlert";
    public const string PlanName = "CsSuccessPlan";
    public const string StartName = "CsStartCadence";
    public const string GetCadenceName = "CsGetCadence";
    public const string PutInputsName = "CsPutHealthInputs";
    public const string GetHealthName = "CsGetHealth";
    public const int MaxBody = 16 * 1024;

    [Function(CheckInName)]
    public static async Task<IResult> WeeklyCheckInAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/customer-ops/cs/weekly-check-in")] HttpRequest request,
        ICustomerSuccessStore store, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        (string correlationId, string? tenant, CsBody? body, IResult? refusal) = await OpenAsync(request, "cs/weekly-check-in", keys, ledger, clock, cancellation);
        if (refusal is not null)
        {
            return refusal;
        }

        string? customer = body!.String("customer_id", false, v => DealKeys.IsValidKey(v), "must be 1–48 characters of A–Z, a–z, 0–9, '-' or '_'");
        int? pending = body.OptionalInt("drafts_pending", 0, 100_000);
        if (!body.IsValid || (customer is null && pending is null))
        {
            return Invalid(body, correlationId, "Give 'drafts_pending', or 'customer_id' of a customer with health inputs.");
        }

        if (pending is null)
        {
            if (await store.GetHealthInputsAsync(tenant!, customer!, cancellation) is not { } inputs)
            {
                return DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No health inputs for customer {customer}; give 'drafts_pending'.", correlationId);
            }

            pending = inputs.DraftsPending;
        }

        CheckInAgenda agenda = WeeklyCheckIn.Build(pending.Value);
        return Results.Ok(new
        {
            customer_id = customer,
            drafts_pending = pending,
            total_minutes = agenda.TotalMinutes,
            agenda = agenda.Agenda.Select(a => new { minutes = a.Minutes, topic = a.Topic }),
            talking_points = agenda.TalkingPoints,
            correlation_id = correlationId,
        });
    }

    [Function(AtRiskName)]
    public static async Task<IResult> AtRiskAlertAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/customer-ops/cs/at-risk-alert")] HttpRequest request,
        OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        (string correlationId, _, CsBody? body, IResult? refusal) = await OpenAsync(request, "cs/at-risk-alert", keys, ledger, clock, cancellation);
        if (refusal is not null)
        {
            return refusal;
        }

        int inactive = body!.Int("days_inactive", 0, 3650);
        int pending = body.Int("drafts_pending", 0, 100_000);
        int proof = body.Int("last_proof_pack_days_ago", 0, 3650);
        if (!body.IsValid)
        {
            return Invalid(body, correlationId);
        }

        AtRiskAlert alert = AtRiskScore.Evaluate(inactive, pending, proof);
        return Results.Ok(new { risk_score = alert.RiskScore, severity = Wire(alert.Severity), actions = Actions(alert), correlation_id = correlationId });
    }

    [Function(PlanName)]
    public static async Task<IResult> SuccessPlanAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/customer-ops/cs/success-plan")] HttpRequest request,
        OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        (string correlationId, _, CsBody? body, IResult? refusal) = await OpenAsync(request, "cs/success-plan", keys, ledger, clock, cancellation);
        if (refusal is not null)
        {
            return refusal;
        }

        string? bundle = body!.String("bundle", true, SuccessPlans.IsKnownBundle, $"must be one of {string.Join(", ", SuccessPlans.Bundles)}");
        DateOnly activation = body.Date("activation_date") ?? CadencePlanner.AstDate(clock.GetUtcNow());
        DateOnly? renewal = body.Date("renewal_date");
        if (!body.IsValid)
        {
            return Invalid(body, correlationId);
        }

        if (renewal is { } r && r <= activation)
        {
            return DealHttp.BadRequest("'renewal_date' must be after 'activation_date'.", correlationId);
        }

        IReadOnlyList<CadenceEvent> plan = SuccessPlans.Build(bundle!, activation, renewal);
        return Results.Ok(new
        {
            bundle,
            activation_date = activation,
            renewal_date = renewal,
            events = plan.Select(e => new { day = e.Day, date = e.Date, item = e.Item }),
            correlation_id = correlationId,
        });
    }

    [Function(StartName)]
    public static async Task<IResult> StartCadenceAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/customer-ops/cs/cadences")] HttpRequest request,
        [DurableClient] DurableTaskClient client, IOptions<CustomerSuccessOptions> options, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock,
        CancellationToken cancellation)
    {
        (string correlationId, string? tenant, CsBody? body, IResult? refusal) = await OpenAsync(request, "cs/cadences", keys, ledger, clock, cancellation);
        if (refusal is not null)
        {
            return refusal;
        }

        string? customer = body!.String("customer_id", true, v => DealKeys.IsValidKey(v), "must be 1–48 characters of A–Z, a–z, 0–9, '-' or '_'");
        string? bundle = body.String("bundle", true, SuccessPlans.IsKnownBundle, $"must be one of {string.Join(", ", SuccessPlans.Bundles)}");
        DateTimeOffset now = clock.GetUtcNow();
        DateTimeOffset startedAt = body.Instant("started_at") ?? now;
        DateOnly? renewal = body.Date("renewal_date");
        if (!body.IsValid)
        {
            return Invalid(body, correlationId);
        }

        if (startedAt > now.AddDays(1) || startedAt < now.AddDays(-366))
        {
            return DealHttp.BadRequest("'started_at' must be within the last year and not in the future.", correlationId);
        }

        if (renewal is { } r && r <= CadencePlanner.AstDate(startedAt))
        {
            return DealHttp.BadRequest("'renewal_date' must be after the activation date.", correlationId);
        }

        string instanceId = CustomerSuccessCadenceOrchestrator.InstanceId(tenant!, customer!);
        if (await client.GetInstanceAsync(instanceId, cancellation) is { IsCompleted: false } running)
        {
            return DealHttp.Problem(StatusCodes.Status409Conflict, "already_running",
                $"The cadence of customer {customer} is already {running.RuntimeStatus.ToString().ToLowerInvariant()}.", correlationId);
        }

        var input = new CustomerSuccessCadenceInput(tenant!, customer!, bundle!, startedAt)
        {
            RenewalDate = renewal,
            DayLength = options.Value.TestDayLength,
        };
        await client.ScheduleNewOrchestrationInstanceAsync(CustomerSuccessCadenceOrchestrator.Name, input, new StartOrchestrationOptions(instanceId), cancellation);
        return Results.Accepted($"/api/v1/customer-ops/cs/cadences/{customer}?tenant={tenant}",
            new { instance_id = instanceId, customer_id = customer, bundle, started_at = startedAt, renewal_date = CadencePlanner.RenewalOf(input), correlation_id = correlationId });
    }

    [Function(GetCadenceName)]
    public static async Task<IResult> GetCadenceAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/customer-ops/cs/cadences/{customerId}")] HttpRequest request, string customerId,
        [DurableClient] DurableTaskClient client, ICustomerSuccessStore store, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock,
        CancellationToken cancellation)
    {
        (string correlationId, string? tenant, IResult? refusal) = await GateAsync(request, "cs/cadences/get", customerId, keys, ledger, clock, cancellation);
        if (refusal is not null)
        {
            return refusal;
        }

        OrchestrationMetadata? instance = await client.GetInstanceAsync(CustomerSuccessCadenceOrchestrator.InstanceId(tenant!, customerId), getInputsAndOutputs: true, cancellation);
        if (instance is null)
        {
            return DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No cadence for customer {customerId}.", correlationId);
        }

        CadenceStatus? status = instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<CadenceStatus>();
        IReadOnlyList<CsTouchpointRecord> touchpoints = await store.ListTouchpointsAsync(tenant!, customerId, cancellation);
        return Results.Ok(new
        {
            instance_id = instance.InstanceId,
            runtime_status = instance.RuntimeStatus.ToString(),
            customer_id = customerId,
            bundle = status?.Bundle,
            month = status?.Month,
            renewal_date = status?.RenewalDate,
            touchpoints_held = status?.TouchpointsHeld,
            next = status?.Next.Select(t => new { key = t.Key, item = t.Item, date = t.Date, due_at = t.DueAt }),
            touchpoints = touchpoints.Select(t => new { key = t.Key, item = t.Item, date = t.Date, due_at = t.DueAt, status = t.Status, task_id = t.TaskId }),
            correlation_id = correlationId,
        });
    }

    [Function(PutInputsName)]
    public static async Task<IResult> PutHealthInputsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "v1/customer-ops/cs/customers/{customerId}/health-inputs")] HttpRequest request, string customerId,
        ICustomerSuccessStore store, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        (string correlationId, string? tenant, IResult? refusal) = await GateAsync(request, "cs/customers/health-inputs", customerId, keys, ledger, clock, cancellation);
        if (refusal is not null)
        {
            return refusal;
        }

        (CsBody? body, IResult? bad) = await ReadAsync(request, correlationId, cancellation);
        if (bad is not null)
        {
            return bad;
        }

        int chosen = body!.Int("connectors_chosen", 0, 11, 0);
        var inputs = new HealthInputs(
            body.Int("active_days_last_7", 0, 7),
            body.Int("days_inactive", 0, 3650),
            body.Number("median_approval_hours", 0, 24 * 365),
            body.Int("drafts_pending", 0, 100_000),
            body.Int("last_proof_pack_days_ago", 0, 3650),
            chosen,
            body.Int("connectors_connected", 0, 11, 0),
            body.Bool("blocking_connector_failed"),
            body.Int("open_p0_tickets", 0, 10_000, 0),
            body.Int("open_p1_tickets", 0, 10_000, 0),
            body.Int("sla_breaches_last_30_days", 0, 10_000, 0),
            body.Int("open_sla_breaches", 0, 10_000, 0),
            body.Bool("open_sev1_or_sev2_incident"),
            body.Bool("proof_pack_approved"));
        if (body.IsValid && inputs.ConnectorsConnected > chosen)
        {
            body.Errors.Add("'connectors_connected' cannot exceed 'connectors_chosen'.");
        }

        if (!body.IsValid)
        {
            return Invalid(body, correlationId);
        }

        await store.SaveHealthInputsAsync(tenant!, customerId, inputs, clock.GetUtcNow(), cancellation);
        return Results.Ok(Health(customerId, inputs, null, correlationId));
    }

    [Function(GetHealthName)]
    public static async Task<IResult> GetHealthAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/customer-ops/cs/customers/{customerId}/health")] HttpRequest request, string customerId,
        ICustomerSuccessStore store, OperatorKeys keys, IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        (string correlationId, string? tenant, IResult? refusal) = await GateAsync(request, "cs/customers/health", customerId, keys, ledger, clock, cancellation);
        if (refusal is not null)
        {
            return refusal;
        }

        if (await store.GetHealthInputsAsync(tenant!, customerId, cancellation) is not { } inputs)
        {
            return DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No health inputs for customer {customerId}.", correlationId);
        }

        return Results.Ok(Health(customerId, inputs, await store.GetLatestScoreAsync(tenant!, customerId, cancellation), correlationId));
    }

    private static object Health(string customerId, HealthInputs inputs, CsScore? latest, string correlationId)
    {
        HealthScoreResult health = HealthScore.Evaluate(inputs);
        AtRiskAlert risk = AtRiskScore.Evaluate(inputs.DaysInactive, inputs.DraftsPending, inputs.LastProofPackDaysAgo);
        return new
        {
            customer_id = customerId,
            health_score = health.Score,
            band = health.Band,
            components = health.Components,
            red_flags = health.RedFlags,
            review_required = health.ReviewRequired,
            risk_score = risk.RiskScore,
            severity = Wire(risk.Severity),
            actions = Actions(risk),
            last_daily_score = latest is null ? null : new { day = latest.Day, risk_score = latest.Risk.RiskScore, severity = Wire(latest.Risk.Severity), health_score = latest.Health.Score, at = latest.At },
            correlation_id = correlationId,
        };
    }

    private static IEnumerable<object> Actions(AtRiskAlert alert) => alert.Tasks.Count == 0
        ? [new { action = "list_only", priority = "low", due_within_business_days = (int?)null, founder_digest = false }]
        : alert.Tasks.Select(t => (object)new { action = t.Action, priority = t.Priority, due_within_business_days = (int?)t.DueWithinBusinessDays, founder_digest = t.ShowInFounderDigest });

    private static string Wire(RiskSeverity severity) => severity switch
    {
        RiskSeverity.High => "high",
        RiskSeverity.Medium => "medium",
        _ => "low",
    };

    private static IResult Invalid(CsBody body, string correlationId, string? fallback = null) =>
        DealHttp.BadRequest(body.Errors.Count > 0 ? string.Join(" ", body.Errors) : fallback ?? "The body is not valid.", correlationId);

    /// <summary>Correlation id, tenant gate (a tenant is required) and a validated JSON object body.</summary>
    private static async Task<(string CorrelationId, string? Tenant, CsBody? Body, IResult? Refusal)> OpenAsync(HttpRequest request, string route, OperatorKeys keys,
        IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, route, tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return (correlationId, null, null, access.Refusal);
        }

        (CsBody? body, IResult? bad) = await ReadAsync(request, correlationId, cancellation);
        return (correlationId, access.Tenant, body, bad);
    }

    private static async Task<(string CorrelationId, string? Tenant, IResult? Refusal)> GateAsync(HttpRequest request, string route, string customerId, OperatorKeys keys,
        IAuditLedger ledger, TimeProvider clock, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, route, tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return (correlationId, null, access.Refusal);
        }

        return DealKeys.IsValidKey(customerId)
            ? (correlationId, access.Tenant, null)
            : (correlationId, null, DealHttp.BadRequest("The customer id must be 1–48 characters of A–Z, a–z, 0–9, '-' or '_'.", correlationId));
    }

    private static async Task<(CsBody? Body, IResult? Refusal)> ReadAsync(HttpRequest request, string correlationId, CancellationToken cancellation)
    {
        byte[]? raw = await DealHttp.ReadBodyAsync(request, MaxBody, cancellation);
        if (raw is null)
        {
            return (null, DealHttp.Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"The body is over {MaxBody} bytes.", correlationId));
        }

        CsBody? body = CsBody.Parse(raw, out string? error);
        return body is null ? (null, DealHttp.BadRequest(error!, correlationId)) : (body, null);
    }
}
