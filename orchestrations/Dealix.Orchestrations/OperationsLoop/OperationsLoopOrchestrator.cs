using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.OperationsLoop.Activities;
using Dealix.Orchestrations.OperationsLoop.Contracts;
using Dealix.Orchestrations.OperationsLoop.Rules;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Reports;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Rules;
using Dealix.Orchestrations.SelfImprovement;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Rules;
using Dealix.Orchestrations.Tasks;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.OperationsLoop;

/// <summary>
/// One tenant's run of the §18 job "Operations daily checks + morning digest" (06:00 AST daily), started by the scheduler
/// as <c>sched:ops-morning-digest:{period}:{tenant}</c> or by the run route (<c>POST /api/v1/loops/operations/run</c>).
/// The kill switch first (§17.8; a run on request too): paused, it ends at once and does nothing. Then the §17.4 checks
/// 1–4 (<see cref="OperationsChecks"/>) over the metrics store and the customer-success health inputs; every action
/// they call for passes <see cref="LoopGuard"/> (a refusal is a ledger line, nothing done), is done under an id fixed per
/// tenant and day (a founder alert through <c>SendOperatorAlert</c>, a CS, engineer or team-lead human task, the uptime
/// post-mortem template) and is audited on the ledger (loop <c>operations</c>), so the run on request and the timed run
/// of a day create nothing twice. Then check 5: the <c>morning-digest</c> report (<see cref="ReportRunOrchestrator"/>)
/// for the same period, stored and delivered as before. Never contacts a customer, never moves money.
/// </summary>
[DurableTask(Name)]
public sealed class OperationsLoopOrchestrator : TaskOrchestrator<OutreachRunInput, OperationsLoopResult>
{
    public const string Name = "OperationsLoop";

    /// <summary>The status of a run the kill switch stopped.</summary>
    public const string SkippedPaused = "skipped: paused";

    public override async Task<OperationsLoopResult> RunAsync(TaskOrchestrationContext context, OutreachRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (LoopKeys.Period(input.Trigger) is not { } period || ReportWindows.ParseDay(period) is not { } day)
        {
            return new OperationsLoopResult(ReportRunOrchestrator.InvalidTrigger, string.Empty, [], 0, 0, 0, 0, null);
        }

        if (await context.CallActivityAsync<bool>(CheckKillSwitch.Name, input.TenantId, Retries.Storage))
        {
            return new OperationsLoopResult(SkippedPaused, period, [], 0, 0, 0, 0, null);
        }

        OperationsFacts facts = await context.CallActivityAsync<OperationsFacts>(ReadOperationsFacts.Name, new OpsFactsInput(input.TenantId, period), Retries.Storage);
        OperationsPlan plan = OperationsChecks.Evaluate(input.TenantId, period, day, facts, input.CorrelationId);
        DateTime now = context.CurrentUtcDateTime;
        int tasks = 0, postMortems = 0, alerts = 0, refused = 0;
        foreach (OperationsAction action in plan.Actions)
        {
            string key = action.Alert?.IdempotencyKey ?? $"ops:{input.TenantId}:{period}:{action.Action}:{action.Target}";
            Verdict verdict = LoopGuard.Check(new AutomatedAction(input.TenantId, action.GuardAction, input.CorrelationId, action.Target)
            {
                Text = action.Reason,
                Data = action.Task?.Details,
            });
            if (!verdict.IsAllowed)
            {
                refused++;
                await context.CallActivityAsync<bool>(RecordOperationsAction.Name, new OpsAuditInput(input.TenantId, input.CorrelationId, key,
                    verdict.IsRefused ? "red_line_refused" : action.Action, action.Target, $"{verdict.Code}: {verdict.Reason}", verdict.Outcome, false), Retries.Storage);
                continue;
            }

            var outcomes = new List<string>();
            if (action.PostMortem)
            {
                PostMortemDraft draft = UptimePostMortem.Draft(input.TenantId, period, day, facts.Metrics, input.CorrelationId, now);
                bool stored = await context.CallActivityAsync<bool>(SaveOperationsPostMortem.Name, draft, Retries.Storage);
                postMortems += stored ? 1 : 0;
                outcomes.Add(stored ? "post_mortem_created" : "post_mortem_exists");
            }

            if (action.Task is { } t)
            {
                var due = new DateTimeOffset(DateTime.SpecifyKind(BusinessCalendar.AddBusinessDays(now, t.DueBusinessDays), DateTimeKind.Utc));
                bool created = await context.CallActivityAsync<bool>(HumanTaskActivities.Create, new HumanTaskRequest(t.TaskId, input.TenantId, t.Area, t.Kind, t.Title,
                    t.OwnerRole, t.InstanceId ?? context.InstanceId, due, t.SubjectId, t.Details), Retries.Storage);
                tasks += created ? 1 : 0;
                outcomes.Add(created ? "task_created" : "task_exists");
            }

            if (action.Alert is { } a)
            {
                bool sent = await context.CallActivityAsync<bool>(OperatorAlertActivities.Send,
                    new OperatorAlert(input.TenantId, a.Kind, a.Severity, a.Title, a.Body, a.IdempotencyKey, a.OwnerRole, a.Link), Retries.Notification);
                alerts += sent ? 1 : 0;
                outcomes.Add(sent ? "alert_sent" : "alert_not_accepted");
            }

            await context.CallActivityAsync<bool>(RecordOperationsAction.Name, new OpsAuditInput(input.TenantId, input.CorrelationId, key, action.Action, action.Target,
                action.Reason, string.Join(",", outcomes), true), Retries.Storage);
        }

        string trigger = input.Trigger.StartsWith("timer:", StringComparison.Ordinal) ? input.Trigger : ReportTrigger.Request(ReportKinds.MorningDigest, period);
        ReportRunResult digest = await context.CallSubOrchestratorAsync<ReportRunResult>(ReportRunOrchestrator.Name, input with { Trigger = trigger },
            new SubOrchestrationOptions(instanceId: $"{context.InstanceId}:digest"));
        context.SetCustomStatus(new { period, checks = plan.Checks.Select(c => new { c.Check, c.Status }), tasks, post_mortems = postMortems, alerts, refused, digest = digest.Status });
        return new OperationsLoopResult(digest.Status == "stored" ? "completed" : $"digest_{digest.Status}", period, plan.Checks, tasks, postMortems, alerts, refused, digest.Status);
    }
}
