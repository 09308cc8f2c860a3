using System.Globalization;
using Dealix.Orchestrations.CustomerSuccess.Activities;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Tasks;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Dealix.Orchestrations.CustomerSuccess;

/// <summary>
/// The daily at-risk scoring (§14.3), one instance per AST day (<c>sched:cs-at-risk:{yyyyMMdd}</c>), started by the
/// daily timer. After the kill switch (§17.8: paused, it ends at once), it scores every customer under a cadence from
/// its health inputs (§14.3 risk score, §14.5 health score and red flags) and stores the scores. High severity: a
/// high-priority <c>personal_outreach</c> task within 1 business day, shown in the founder's digest, and a critical
/// alert; medium (or 7+ inactive days): a CS task within 3 business days and a warning alert; low: listed only, unless a
/// red flag forces a <c>health_review</c> task. Task and alert ids are made from the day, so a rerun creates nothing twice.
/// </summary>
[DurableTask(Name)]
public sealed class CustomerSuccessAtRiskSweepOrchestrator : TaskOrchestrator<CsJobInput, CsJobResult>
{
    public const string Name = "CustomerSuccessAtRiskSweep";

    /// <summary>The job name in the scheduled-job instance id.</summary>
    public const string Job = "cs-at-risk";

    /// <summary>Customers scored in parallel.</summary>
    public const int Batch = 10;

    public override async Task<CsJobResult> RunAsync(TaskOrchestrationContext context, CsJobInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ILogger log = context.CreateReplaySafeLogger<CustomerSuccessAtRiskSweepOrchestrator>();
        if (await context.CallActivityAsync<bool>(CheckKillSwitch.Name, (string?)null, CsRetries.Storage))
        {
            log.SkippedPaused(Job, input.PeriodKey);
            return new CsJobResult(input.PeriodKey, true, 0, 0, 0);
        }

        List<CsCustomerRef> customers = await context.CallActivityAsync<List<CsCustomerRef>>(ListCsCustomers.Name, (string?)null, CsRetries.Storage);
        var scores = new List<CsScore?>();
        foreach (CsCustomerRef[] batch in customers.Chunk(Batch))
        {
            scores.AddRange(await Task.WhenAll(batch.Select(c =>
                context.CallActivityAsync<CsScore?>(ScoreCustomerRisk.Name, new ScoreRiskInput(c.Tenant, c.CustomerId, input.Day), CsRetries.Storage))));
        }

        int alerts = 0, tasks = 0;
        foreach (CsScore score in scores.OfType<CsScore>())
        {
            string cadence = CustomerSuccessCadenceOrchestrator.InstanceId(score.Tenant, score.CustomerId);
            string baseId = $"{context.InstanceId}:{score.Tenant}:{score.CustomerId}";
            var details = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["customer_id"] = score.CustomerId,
                ["risk_score"] = score.Risk.RiskScore.ToString(CultureInfo.InvariantCulture),
                ["severity"] = Wire(score.Risk.Severity),
                ["health_score"] = score.Health.Score.ToString(CultureInfo.InvariantCulture),
                ["health_band"] = score.Health.Band,
                ["red_flags"] = string.Join(",", score.Health.RedFlags),
            };
            var wanted = score.Risk.Tasks.Select(t => (t.Action, t.Priority, t.DueWithinBusinessDays, t.ShowInFounderDigest)).ToList();
            if (wanted.Count == 0 && score.Health.ReviewRequired)
            {
                wanted.Add(("health_review", "medium", 3, false));
            }

            foreach ((string action, string priority, int days, bool founder) in wanted)
            {
                var taskDetails = new Dictionary<string, string>(details, StringComparer.Ordinal)
                {
                    ["priority"] = priority,
                    ["founder_digest"] = founder ? "yes" : "no",
                };
                await context.CallActivityAsync<bool>(HumanTaskActivities.Create, new HumanTaskRequest(
                    $"{baseId}:{action}", score.Tenant, "cs", action, $"Customer {score.CustomerId} at risk ({Wire(score.Risk.Severity)}, score {score.Risk.RiskScore}): {action.Replace('_', ' ')}",
                    "csm", cadence, new DateTimeOffset(BusinessCalendar.AddBusinessDays(context.CurrentUtcDateTime, days), TimeSpan.Zero), score.CustomerId, taskDetails),
                    CsRetries.Storage);
                tasks++;
            }

            if (score.Risk.Severity != RiskSeverity.Low || wanted.Count > 0)
            {
                await context.CallActivityAsync<bool>(OperatorAlertActivities.Send, new OperatorAlert(
                    score.Tenant, "at_risk", score.Risk.Severity == RiskSeverity.High ? "critical" : "warning",
                    $"Customer {score.CustomerId} at risk: {Wire(score.Risk.Severity)} ({score.Risk.RiskScore}/100)",
                    $"Customer {score.CustomerId}: risk score {score.Risk.RiskScore} ({Wire(score.Risk.Severity)}), health {score.Health.Score} ({score.Health.Band})"
                    + (score.Health.RedFlags.Count > 0 ? $", red flags: {string.Join(", ", score.Health.RedFlags)}" : string.Empty) + ".",
                    baseId, "csm"), CsRetries.Storage);
                alerts++;
            }
        }

        log.JobDone(Job, input.PeriodKey, customers.Count, alerts, tasks);
        return new CsJobResult(input.PeriodKey, false, customers.Count, alerts, tasks);
    }

    private static string Wire(RiskSeverity severity) => severity switch
    {
        RiskSeverity.High => "high",
        RiskSeverity.Medium => "medium",
        _ => "low",
    };
}
