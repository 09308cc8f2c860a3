using Dealix.Orchestrations.CustomerSuccess.Activities;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Notifications;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Dealix.Orchestrations.CustomerSuccess;

/// <summary>
/// The CS cadence scheduler of §18 (Sun–Thu 08:30 AST), one instance per AST day (<c>sched:cs-cadence:{yyyyMMdd}</c>).
/// After the kill switch, it gives each tenant's CS owners the day's agenda as one digest alert: the touchpoints due
/// today (check-ins, reviews, QBRs, renewals) and, as a warning, those of the last two weeks still not held, whose
/// cadence did not run them. The per-customer cadences keep their own durable timers; this is the daily view and the
/// backstop that makes a stuck cadence visible.
/// </summary>
[DurableTask(Name)]
public sealed class CustomerSuccessSchedulerOrchestrator : TaskOrchestrator<CsJobInput, CsJobResult>
{
    public const string Name = "CustomerSuccessScheduler";

    /// <summary>The job name in the scheduled-job instance id.</summary>
    public const string Job = "cs-cadence";

    /// <summary>Touchpoints listed by name in one digest; the rest are counted.</summary>
    public const int MaxListed = 20;

    public override async Task<CsJobResult> RunAsync(TaskOrchestrationContext context, CsJobInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ILogger log = context.CreateReplaySafeLogger<CustomerSuccessSchedulerOrchestrator>();
        if (await context.CallActivityAsync<bool>(CheckKillSwitch.Name, (string?)null, CsRetries.Storage))
        {
            log.SkippedPaused(Job, input.PeriodKey);
            return new CsJobResult(input.PeriodKey, true, 0, 0, 0);
        }

        List<CsTouchpointRecord> rows = await context.CallActivityAsync<List<CsTouchpointRecord>>(ListDueCsTouchpoints.Name, input, CsRetries.Storage);
        int alerts = 0;
        foreach (IGrouping<string, CsTouchpointRecord> tenant in rows.GroupBy(r => r.Tenant).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var today = tenant.Where(r => r.Date == input.Day).ToList();
            var missed = tenant.Where(r => r.Date < input.Day).ToList();
            IEnumerable<string> lines = today.Select(r => $"{r.CustomerId}: {r.Item}")
                .Concat(missed.Select(r => $"{r.CustomerId}: {r.Item} (missed, due {r.Date:yyyy-MM-dd})"));
            List<string> listed = [.. lines.Take(MaxListed)];
            int more = today.Count + missed.Count - listed.Count;
            await context.CallActivityAsync<bool>(OperatorAlertActivities.Send, new OperatorAlert(
                tenant.Key, "digest", missed.Count > 0 ? "warning" : "info",
                $"Customer success today: {today.Count} touchpoints" + (missed.Count > 0 ? $", {missed.Count} missed" : string.Empty),
                string.Join("\n", listed) + (more > 0 ? $"\n… and {more} more" : string.Empty),
                $"{context.InstanceId}:{tenant.Key}", "csm"), CsRetries.Storage);
            alerts++;
        }

        int customers = rows.Select(r => (r.Tenant, r.CustomerId)).Distinct().Count();
        log.JobDone(Job, input.PeriodKey, customers, alerts, 0);
        return new CsJobResult(input.PeriodKey, false, customers, alerts, 0);
    }
}
