using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Reports;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Rules;
using Dealix.Orchestrations.SelfImprovement.Activities;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Rules;
using Dealix.Orchestrations.Tasks;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.SelfImprovement;

/// <summary>
/// One tenant's run of the §18 job "Product loop + daily digest" (07:00 AST daily), started by the scheduler as
/// <c>sched:product-loop-daily-digest:{period}:{tenant}</c> (kill switch checked first) or by the run route. First the
/// product loop (§17.2): the top 5 findings of the period's window (<see cref="ProductRules"/>) each become an
/// engineering issue, as a human task for the engineer (task id fixed per tenant, period and finding, so a re-run opens
/// nothing twice; automation never merges, never writes production data, never replies to customers); a critical bug
/// also tells the founder. Then step 5: the daily digest report (<c>daily-digest</c>, <see cref="ReportRunOrchestrator"/>)
/// for the same period, stored and delivered as before.
/// </summary>
[DurableTask(Name)]
public sealed class ProductLoopDailyDigestOrchestrator : TaskOrchestrator<OutreachRunInput, LoopRunResult>
{
    public const string Name = "ProductLoopDailyDigest";

    public override async Task<LoopRunResult> RunAsync(TaskOrchestrationContext context, OutreachRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (LoopKeys.Period(input.Trigger) is not { } period || ReportWindows.For(ReportKinds.Find(ReportKinds.DailyDigest)!, period) is null)
        {
            return new LoopRunResult("invalid_trigger", ProductRules.Loop, string.Empty, 0, 0, 0, 0, 0);
        }

        IReadOnlyList<ProductFinding> findings = await context.CallActivityAsync<IReadOnlyList<ProductFinding>>(ReadProductFindings.Name,
            new ProductFindingsInput(input.TenantId, period), Retries.Storage);
        DateTime now = context.CurrentUtcDateTime;
        int alerts = 0;
        foreach (ProductFinding f in findings)
        {
            string taskId = $"product:{input.TenantId}:{period}:{f.Key}";
            await context.CallActivityAsync<bool>(HumanTaskActivities.Create, new HumanTaskRequest(taskId, input.TenantId, "ops", $"product_{f.Action}",
                $"[{f.Priority}] [{f.Label}] {f.Title}", "engineer", context.InstanceId,
                new DateTimeOffset(DateTime.SpecifyKind(f.Priority == "P0" ? now.AddHours(4) : BusinessCalendar.AddBusinessDays(now, f.Priority == "P1" ? 2 : 5), DateTimeKind.Utc)),
                f.Key, new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["category"] = f.Category,
                    ["priority"] = f.Priority,
                    ["label"] = f.Label,
                    ["score"] = f.Score.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["review_required"] = "true",
                    ["correlation_id"] = input.CorrelationId,
                }), Retries.Storage);
            if (f.Category == "critical_bug")
            {
                alerts++;
                await context.CallActivityAsync<bool>(OperatorAlertActivities.Send, new OperatorAlert(input.TenantId, "product_critical_bug", OperatorAlertSeverity.Critical,
                    $"P0 issue opened: {f.Title}", $"The product loop opened a P0 issue ({f.Key}) for the engineer.", $"loop:{input.TenantId}:product:{period}:{f.Key}",
                    "founder", "/api/v1/tasks"), Retries.Notification);
            }
        }

        string trigger = input.Trigger.StartsWith("timer:", StringComparison.Ordinal) ? input.Trigger : ReportTrigger.Request(ReportKinds.DailyDigest, period);
        ReportRunResult digest = await context.CallSubOrchestratorAsync<ReportRunResult>(ReportRunOrchestrator.Name, input with { Trigger = trigger },
            new SubOrchestrationOptions(instanceId: $"{context.InstanceId}:digest"));
        context.SetCustomStatus(new { period, findings = findings.Count, digest = digest.Status });
        return new LoopRunResult(digest.Status == "stored" ? "completed" : $"digest_{digest.Status}", ProductRules.Loop, period, findings.Count, findings.Count, 0, 0, alerts);
    }
}
