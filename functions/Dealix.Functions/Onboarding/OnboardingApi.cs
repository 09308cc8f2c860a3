using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Onboarding;
using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Onboarding.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Onboarding;

/// <summary>
/// The onboarding routes of §5.6 (operator key, tenant-scoped): <c>POST /api/v1/customer-ops/onboarding/checklist</c>
/// starts a customer's onboarding (once: <c>onboarding:{tenant}:{customer_id}</c>) or returns its checklist;
/// <c>POST …/update-step</c> hands a customer input to the waiting step (an unknown step is <c>unknown_step</c>, a step
/// ahead of the current one <c>step_out_of_order</c>); <c>GET …/checklist/demo</c> shows a sample and saves nothing.
/// </summary>
public static class OnboardingApi
{
    public const string ChecklistName = "OnboardingChecklist";
    public const string UpdateStepName = "OnboardingUpdateStep";
    public const string DemoName = "OnboardingChecklistDemo";

    [Function(ChecklistName)]
    public static async Task<IResult> ChecklistAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/customer-ops/onboarding/checklist")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "onboarding/checklist", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        (JsonElement? body, IResult? refusal) = await CustomerOpsHttp.ReadObjectAsync(request, correlationId, cancellation);
        if (refusal is not null)
        {
            return refusal;
        }

        if (CustomerId(body!.Value, correlationId, out string customerId) is { } bad)
        {
            return bad;
        }

        string tenant = access.Tenant!;
        string instanceId = OnboardingKeys.InstanceId(tenant, customerId);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation) is { } existing)
        {
            return CustomerOpsHttp.Answer(StatusCodes.Status200OK, Checklist(existing, tenant, customerId, created: false), correlationId);
        }

        string startedBy = request.Headers[DealHttp.OperatorHeader].ToString() is { Length: > 0 and <= 64 } op ? op : "operator";
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(OnboardingOrchestrator.Name, new OnboardingInput(tenant, customerId, startedBy, correlationId),
                new StartOrchestrationOptions(instanceId), cancellation);
        }
        catch (Exception e) when (e.GetType().Name == "OrchestrationAlreadyExistsException")
        {
            // Started by the deal lifecycle or another operator a moment ago: the same onboarding.
        }

        OrchestrationMetadata? started = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation);
        return CustomerOpsHttp.Answer(StatusCodes.Status202Accepted, Checklist(started, tenant, customerId, created: true), correlationId);
    }

    [Function(UpdateStepName)]
    public static async Task<IResult> UpdateStepAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/customer-ops/onboarding/update-step")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "onboarding/update-step", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        (JsonElement? read, IResult? refusal) = await CustomerOpsHttp.ReadObjectAsync(request, correlationId, cancellation);
        if (refusal is not null)
        {
            return refusal;
        }

        JsonElement body = read!.Value;
        if (CustomerId(body, correlationId, out string customerId) is { } bad)
        {
            return bad;
        }

        string? stepId = CustomerOpsHttp.String(body, "step_id", out bool stepValid);
        if (!stepValid || stepId is null || OnboardingRules.Steps.All(s => s.Id != stepId))
        {
            return CustomerOpsHttp.Problem(StatusCodes.Status400BadRequest, "unknown_step",
                $"step_id must be one of: {string.Join(", ", OnboardingRules.Steps.Select(s => s.Id))}.", correlationId);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.TryGetProperty("values", out JsonElement given))
        {
            if (given.ValueKind != JsonValueKind.Object || given.EnumerateObject().Count() > 20
                || given.EnumerateObject().Any(p => p.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)))
            {
                return CustomerOpsHttp.Problem(StatusCodes.Status400BadRequest, "invalid_values", "values must be an object of at most 20 strings, numbers or booleans.", correlationId);
            }

            foreach (JsonProperty p in given.EnumerateObject())
            {
                values[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            }
        }

        string? submittedBy = CustomerOpsHttp.String(body, "submitted_by", out bool byValid);
        if (!byValid || submittedBy is { Length: 0 or > 64 })
        {
            return CustomerOpsHttp.Problem(StatusCodes.Status400BadRequest, "invalid_submitted_by", "submitted_by must be a string of 1–64 characters.", correlationId);
        }

        if (StepInputs.Validate(stepId, values) is { } invalid)
        {
            return invalid == "step_takes_no_input"
                ? CustomerOpsHttp.Problem(StatusCodes.Status409Conflict, invalid, $"{stepId} advances through its approval, the connectors or its human task, not through an input.", correlationId)
                : CustomerOpsHttp.Problem(StatusCodes.Status400BadRequest, "invalid_values", invalid, correlationId);
        }

        string tenant = access.Tenant!;
        string instanceId = OnboardingKeys.InstanceId(tenant, customerId);
        OrchestrationMetadata? instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation);
        if (instance is null)
        {
            return CustomerOpsHttp.Problem(StatusCodes.Status404NotFound, "not_found", $"Customer {customerId} has no onboarding; create the checklist first.", correlationId);
        }

        OnboardingStatus? status = instance.ReadCustomStatusAs<OnboardingStatus>();
        if (instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending) || status is { State: not "in_progress" })
        {
            return CustomerOpsHttp.Problem(StatusCodes.Status409Conflict, "onboarding_not_running", $"The onboarding of {customerId} is {status?.State ?? instance.RuntimeStatus.ToString()}.", correlationId);
        }

        if (status?.Steps.FirstOrDefault(s => s.Id == stepId) is { } step)
        {
            if (step.Completed)
            {
                return CustomerOpsHttp.Problem(StatusCodes.Status409Conflict, "step_completed", $"{stepId} is already completed.", correlationId);
            }

            int index = OnboardingRules.Steps.ToList().FindIndex(s => s.Id == stepId);
            int current = status.CurrentStep is { } c ? OnboardingRules.Steps.ToList().FindIndex(s => s.Id == c) : OnboardingRules.Steps.Count;
            if (index > current)
            {
                return CustomerOpsHttp.Problem(StatusCodes.Status409Conflict, "step_out_of_order", $"{stepId} comes after the current step {status.CurrentStep}.", correlationId);
            }

            if (step.State == "awaiting_approval")
            {
                return CustomerOpsHttp.Problem(StatusCodes.Status409Conflict, "awaiting_approval", $"{stepId} is waiting for its approval ({step.ApprovalId}).", correlationId);
            }
        }
        else if (stepId != OnboardingRules.Steps[0].Id)
        {
            return CustomerOpsHttp.Problem(StatusCodes.Status409Conflict, "step_out_of_order", $"The onboarding is starting; {stepId} comes later.", correlationId);
        }

        string by = submittedBy ?? (request.Headers[DealHttp.OperatorHeader].ToString() is { Length: > 0 and <= 64 } op ? op : "customer");
        var stepInput = new StepInput(stepId, by, values, correlationId);
        await client.RaiseEventAsync(instanceId, OnboardingEvents.StepInput(stepId), stepInput, cancellation);
        return CustomerOpsHttp.Answer(StatusCodes.Status202Accepted, new { CustomerId = customerId, StepId = stepId, Accepted = true, InstanceId = instanceId }, correlationId);
    }

    [Function(DemoName)]
    public static async Task<IResult> DemoAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/customer-ops/onboarding/checklist/demo")] HttpRequest request,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "onboarding/checklist/demo", tenantRequired: false, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        var completed = new HashSet<string>(OnboardingRules.Steps.Take(3).Select(s => s.Id), StringComparer.Ordinal);
        var demo = new OnboardingStatus("demo", "demo-customer", "in_progress",
            [.. OnboardingRules.Steps.Select(s => completed.Contains(s.Id)
                ? new StepStatus(s.Id, "completed", true, now, "operator", PlanDay: s.Day)
                : new StepStatus(s.Id, s.Id == "connect_channels" ? "in_progress" : "pending", PlanDay: s.Day))],
            OnboardingRules.CurrentStep(completed), OnboardingRules.ProgressPercent(completed), now, OnboardingPlan.Deadline(now),
            Goal: "more_qualified_meetings", Bundle: "growth_starter");
        return CustomerOpsHttp.Answer(StatusCodes.Status200OK, new { Demo = true, Checklist = Describe(demo) }, correlationId);
    }

    private static object Checklist(OrchestrationMetadata? instance, string tenant, string customerId, bool created)
    {
        OnboardingStatus? status = instance?.ReadCustomStatusAs<OnboardingStatus>();
        return new
        {
            Created = created,
            InstanceId = OnboardingKeys.InstanceId(tenant, customerId),
            RuntimeStatus = instance?.RuntimeStatus.ToString() ?? "Pending",
            Checklist = status is null ? null : Describe(status),
        };
    }

    private static object Describe(OnboardingStatus status) => new
    {
        status.TenantId,
        status.CustomerId,
        status.State,
        status.CurrentStep,
        status.ProgressPct,
        Steps = status.Steps.Select(s =>
        {
            OnboardingStep rule = OnboardingRules.Steps.First(r => r.Id == s.Id);
            return new { s.Id, rule.NameAr, s.State, s.Completed, s.CompletedAt, s.ApprovedBy, s.Notes, s.ApprovalId, s.PlanDay, rule.NeedsApproval, rule.Minutes };
        }),
        status.AtRisk,
        status.ReadyForFirstService,
        status.Goal,
        status.Bundle,
        status.LeadSource,
        status.FirstService,
        status.ProofPackApproved,
        status.CustomerSuccessActive,
        status.Waiting,
        status.UnmetCriteria,
        status.StartedAt,
        status.Deadline,
        status.StopReason,
    };

    private static IResult? CustomerId(JsonElement body, string correlationId, out string customerId)
    {
        customerId = CustomerOpsHttp.String(body, "customer_id", out bool valid) ?? string.Empty;
        return valid && DealKeys.IsValidKey(customerId)
            ? null
            : CustomerOpsHttp.Problem(StatusCodes.Status400BadRequest, "invalid_customer_id", "customer_id is required: 1–48 characters of A–Z, a–z, 0–9, '-' or '_'.", correlationId);
    }
}
