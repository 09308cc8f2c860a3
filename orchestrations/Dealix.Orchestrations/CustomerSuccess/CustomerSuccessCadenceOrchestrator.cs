using Dealix.Orchestrations.CustomerSuccess.Activities;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Rules;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Tasks;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Dealix.Orchestrations.CustomerSuccess;

/// <summary>
/// One long-lived customer-success cadence per customer (<c>cs:{tenant}:{customerId}</c>, §14), started at the end of
/// onboarding or by an operator. The first generation runs the post-delivery handoff (§14.4: SLA gate, Proof Pack
/// approval, handoff task for the CS owner, a warning when delivery is not a success, the ledger line). Each generation
/// covers one 30-day month of the bundle's plan (§14.6, <see cref="CadencePlanner"/>): it stores the month's
/// touchpoints, waits for each on a durable timer, and turns it into a human task for its role (weekly check-ins with
/// the §14.2 agenda and talking points, proof reviews, Founder Shadow Boards, QBR, renewal at −30/−7 days and on the
/// date, §14.7), with an operator alert for QBR and renewal and a founder-call task before a renewal at risk. Then it
/// continues as new for the next month, carrying its state, so the history stays one month long. The custom status
/// lists the next touchpoints. It never contacts the customer and never waits for the tasks it creates.
/// </summary>
[DurableTask(Name)]
public sealed class CustomerSuccessCadenceOrchestrator : TaskOrchestrator<CustomerSuccessCadenceInput, CadenceStatus?>
{
    public const string Name = "CustomerSuccessCadence";

    /// <summary>How many upcoming touchpoints the custom status lists.</summary>
    public const int StatusTouchpoints = 5;

    /// <summary>The instance id of a customer's cadence.</summary>
    public static string InstanceId(string tenant, string customerId)
    {
        if (!DealKeys.IsValidKey(tenant, DealKeys.MaxTenantIdLength) || !DealKeys.IsValidKey(customerId))
        {
            throw new ArgumentException("The tenant and the customer id must be 1–40 / 1–48 characters of A–Z, a–z, 0–9, '-' or '_'.");
        }

        return $"cs:{tenant}:{customerId}";
    }

    public override async Task<CadenceStatus?> RunAsync(TaskOrchestrationContext context, CustomerSuccessCadenceInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ILogger log = context.CreateReplaySafeLogger<CustomerSuccessCadenceOrchestrator>();
        CustomerSuccessCadenceInput state = input with { RenewalDate = CadencePlanner.RenewalOf(input) };
        if (!SuccessPlans.IsKnownBundle(state.Bundle))
        {
            log.UnknownBundle(context.InstanceId, state.Bundle);
            return null;
        }

        if (!state.HandoffDone)
        {
            await context.CallActivityAsync<bool>(SaveCsCustomer.Name,
                new CsCustomer(state.Tenant, state.CustomerId, state.Bundle, state.StartedAt, state.RenewalDate!.Value, context.InstanceId), CsRetries.Storage);
            await HandoffAsync(context, state);
            state = state with { HandoffDone = true };
        }

        IReadOnlyList<CadenceTouchpoint> month = CadencePlanner.ForMonth(state);
        log.MonthPlanned(context.InstanceId, state.Month, month.Count);
        await context.CallActivityAsync<int>(RecordCsTouchpoints.Name, new RecordTouchpointsInput(state.Tenant, state.CustomerId, month), CsRetries.Storage);
        for (int i = 0; i < month.Count; i++)
        {
            CadenceTouchpoint touchpoint = month[i];
            Publish(context, state, month.Skip(i));
            if (touchpoint.DueAt.UtcDateTime > context.CurrentUtcDateTime)
            {
                await context.CreateTimer(touchpoint.DueAt.UtcDateTime, CancellationToken.None);
            }

            string taskId = await HoldAsync(context, state, touchpoint);
            log.TouchpointHeld(context.InstanceId, touchpoint.Key, taskId);
            state = state with { TouchpointsHeld = state.TouchpointsHeld + 1, LastTouchpoint = touchpoint.Key };
        }

        CustomerSuccessCadenceInput next = state with { Month = state.Month + 1 };
        DateOnly renewal = state.RenewalDate!.Value;
        if (renewal.DayNumber - CadencePlanner.AstDate(state.StartedAt).DayNumber <= CadencePlanner.MonthDays * next.Month)
        {
            // The renewal date has passed with its decision task: without a churn (an operator ends the cadence), the
            // contract runs another year.
            next = next with { RenewalDate = renewal.AddYears(1) };
        }

        Publish(context, next, CadencePlanner.ForMonth(next));
        DateTimeOffset nextMonth = CadencePlanner.MonthStart(next, next.Month);
        if (nextMonth.UtcDateTime > context.CurrentUtcDateTime)
        {
            await context.CreateTimer(nextMonth.UtcDateTime, CancellationToken.None);
        }

        context.ContinueAsNew(next);
        return null;
    }

    private static async Task HandoffAsync(TaskOrchestrationContext context, CustomerSuccessCadenceInput state)
    {
        ILogger log = context.CreateReplaySafeLogger<CustomerSuccessCadenceOrchestrator>();
        HandoffResult handoff = await context.CallActivityAsync<HandoffResult>(RunCsHandoff.Name,
            new HandoffInput(state.Tenant, state.CustomerId, state.Bundle), CsRetries.Storage);
        string taskId = $"{context.InstanceId}:handoff";
        var details = new Dictionary<string, string>(handoff.Note, StringComparer.Ordinal)
        {
            ["delivery_succeeded"] = handoff.DeliverySucceeded ? "yes" : "no",
        };
        await context.CallActivityAsync<bool>(HumanTaskActivities.Create, new HumanTaskRequest(
            taskId, state.Tenant, "cs", "handoff", "Post-delivery handoff: review the handoff note, the 30-day plan and the first check-in", "csm",
            context.InstanceId, new DateTimeOffset(BusinessCalendar.AddBusinessDays(context.CurrentUtcDateTime, 1), TimeSpan.Zero), state.CustomerId, details),
            CsRetries.Storage);
        if (!handoff.DeliverySucceeded)
        {
            log.HandoffBlocked(context.InstanceId, state.Tenant, handoff.SlaGatePassed, handoff.ProofPackApproved);
            await context.CallActivityAsync<bool>(OperatorAlertActivities.Send, new OperatorAlert(
                state.Tenant, "cs_handoff_blocked", "warning", $"Handoff of customer {state.CustomerId}: delivery not declared successful",
                $"Customer {state.CustomerId}: SLA gate {(handoff.SlaGatePassed ? "passed" : "failed")}, Proof Pack approved {(handoff.ProofPackApproved ? "yes" : "no")}. Task {taskId}.",
                taskId, "csm"), CsRetries.Storage);
        }

        await context.CallActivityAsync<bool>(RecordAudit.Name, new RecordAuditInput(
            state.Tenant, context.InstanceId, "cs_handoff", "A", "automation", state.CustomerId, taskId,
            Reason: handoff.SlaGatePassed ? null : "sla_gate_failed",
            Outcome: handoff.DeliverySucceeded ? "delivery_succeeded" : "delivery_not_successful"), CsRetries.Storage);
    }

    private static async Task<string> HoldAsync(TaskOrchestrationContext context, CustomerSuccessCadenceInput state, CadenceTouchpoint touchpoint)
    {
        string taskId = $"{context.InstanceId}:{touchpoint.Key}";
        TouchpointBrief brief = await context.CallActivityAsync<TouchpointBrief>(PrepareCsTouchpoint.Name,
            new PrepareTouchpointInput(state.Tenant, state.CustomerId, state.Bundle, touchpoint, taskId), CsRetries.Storage);
        TouchpointTask task = TouchpointTasks.For(touchpoint.Item);
        var now = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        await context.CallActivityAsync<bool>(HumanTaskActivities.Create, new HumanTaskRequest(
            taskId, state.Tenant, "cs", touchpoint.Item, task.Title, task.OwnerRole, context.InstanceId, now + task.DueAfter, state.CustomerId, brief.Details),
            CsRetries.Storage);

        if (TouchpointTasks.NeedsFounderCall(touchpoint.Item, brief.LastSeverity))
        {
            await context.CallActivityAsync<bool>(HumanTaskActivities.Create, new HumanTaskRequest(
                $"{taskId}:founder_call", state.Tenant, "cs", "founder_call", "Renewal at risk: founder call with the customer", "founder",
                context.InstanceId, now + TimeSpan.FromDays(2), state.CustomerId, brief.Details), CsRetries.Storage);
        }

        if (task.AlertSeverity is { } severity)
        {
            await context.CallActivityAsync<bool>(OperatorAlertActivities.Send, new OperatorAlert(
                state.Tenant, touchpoint.Item, severity, $"{task.Title} (customer {state.CustomerId})",
                $"Customer {state.CustomerId} ({state.Bundle}): {touchpoint.Item} on {touchpoint.Date:yyyy-MM-dd}. Task {taskId}.",
                taskId, task.OwnerRole), CsRetries.Storage);
        }

        return taskId;
    }

    private static void Publish(TaskOrchestrationContext context, CustomerSuccessCadenceInput state, IEnumerable<CadenceTouchpoint> upcoming) =>
        context.SetCustomStatus(new CadenceStatus(state.Tenant, state.CustomerId, state.Bundle, state.Month, CadencePlanner.RenewalOf(state),
            state.TouchpointsHeld, state.LastTouchpoint, [.. upcoming.Take(StatusTouchpoints)]));
}
