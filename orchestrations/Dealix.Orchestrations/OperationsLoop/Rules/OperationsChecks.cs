using System.Globalization;
using Dealix.Orchestrations.CustomerSuccess;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Rules;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.OperationsLoop.Contracts;

namespace Dealix.Orchestrations.OperationsLoop.Rules;

/// <summary>
/// The daily checks 1–4 of the operations loop (DOMAIN.md §17.4) for one tenant and AST day, over the figures of the
/// metrics store and the customer-success health inputs. Pure: the day is a parameter.
/// <list type="number">
/// <item>Runway: the latest <c>runway_months</c> of the 31 days up to the day; under 6 months → a founder alert, severity
/// high, "Runway at {runway} months", once per figure. §17.6: a figure within 20 % of its trailing 28-day median that was
/// already under 6 is noise and not alerted again.</item>
/// <item>Customer health: a customer inactive for 7 days or more (<see cref="AtRiskScore.LowUsageDays"/>) → a CS task,
/// owner <c>customer_success</c> (role <c>csm</c>, area <c>cs</c>), action <c>personal_outreach</c>, priority high, under
/// the very id the daily at-risk sweep (<see cref="CustomerSuccessAtRiskSweepOrchestrator"/>) gives that task for the
/// day, so whichever runs first creates it and the other finds it: one task per customer and day.</item>
/// <item>System health: the 7-day uptime (mean of the 7 days before) under 99.5 % → a §13.4 post-mortem template and an
/// engineer task linking to it; not again while a post-mortem of the 6 days before covers the stretch.</item>
/// <item>Team productivity: the latest 7-day velocity under 0.7 × baseline (the pushed <c>velocity_baseline</c>, else the
/// median of the velocity figures of the 28 days before, if there are at least 7) → a "schedule a retro" task for the
/// team lead; not again while a retro task of the 6 days before is there.</item>
/// </list>
/// A check whose figure is missing is <c>not_measured</c>: never an alert, never 0.
/// </summary>
public static class OperationsChecks
{
    public const string Loop = "operations";
    public const string Runway = "runway";
    public const string CustomerHealth = "customer_health";
    public const string Uptime = "uptime";
    public const string Velocity = "velocity";

    public const decimal RunwayThresholdMonths = 6m;
    public const decimal UptimeThresholdPct = 99.5m;
    public const decimal VelocityFactor = 0.7m;

    /// <summary>§17.6: a change of more than this against the baseline alerts.</summary>
    public const decimal AlertChange = 0.20m;

    /// <summary>How old the latest runway figure may be.</summary>
    public const int RunwayLookBackDays = 31;

    /// <summary>The trailing window of the baselines (§17.6).</summary>
    public const int BaselineDays = 28;

    /// <summary>Velocity figures needed for a computed baseline.</summary>
    public const int MinBaselineFigures = 7;

    /// <summary>Days before the run day whose post-mortem or retro still covers a continuing breach.</summary>
    public const int CoverDays = 6;

    /// <summary>The day's checks and actions.</summary>
    public static OperationsPlan Evaluate(string tenant, string period, DateOnly day, OperationsFacts facts, string correlationId)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var checks = new List<OperationsCheck>();
        var actions = new List<OperationsAction>();
        RunwayCheck(tenant, day, facts, checks, actions);
        CustomerHealthCheck(tenant, period, facts, correlationId, checks, actions);
        UptimeCheck(tenant, period, day, facts, correlationId, checks, actions);
        VelocityCheck(tenant, period, day, facts, correlationId, checks, actions);
        return new OperationsPlan(checks, actions);
    }

    /// <summary>The id of the day's personal-outreach task for a customer: the at-risk sweep's own id for it.</summary>
    // WARNING: must stay equal to the id CustomerSuccessAtRiskSweepOrchestrator builds ("{sched:cs-at-risk:{day}}:{tenant}:{customer}:{action}").
    public static string OutreachTaskId(string tenant, string period, string customerId) =>
        $"sched:{CustomerSuccessAtRiskSweepOrchestrator.Job}:{period}:{tenant}:{customerId}:personal_outreach";

    /// <summary>The id of the uptime post-mortem raised on <paramref name="period"/>.</summary>
    public static string PostMortemId(string period) => $"uptime-{period}";

    /// <summary>The id of the retro task raised on <paramref name="period"/>.</summary>
    public static string RetroTaskId(string tenant, string period) => $"ops:{tenant}:{period}:retro";

    /// <summary>The id of the post-mortem task raised on <paramref name="period"/>.</summary>
    public static string PostMortemTaskId(string tenant, string period) => $"ops:{tenant}:{period}:post_mortem";

    /// <summary>A figure as text: invariant, no trailing zeros.</summary>
    public static string Text(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static void RunwayCheck(string tenant, DateOnly day, OperationsFacts facts, List<OperationsCheck> checks, List<OperationsAction> actions)
    {
        if (OperationsFigures.Latest(facts.Metrics, OperationsMetrics.RunwayMonths, day.AddDays(-RunwayLookBackDays), day.AddDays(1)) is not { } latest)
        {
            checks.Add(new OperationsCheck(Runway, OperationsCheck.NotMeasured, null, RunwayThresholdMonths,
                $"No runway_months figure in the {RunwayLookBackDays} days up to {day:yyyy-MM-dd}: not measured."));
            return;
        }

        decimal runway = latest.Value;
        if (runway >= RunwayThresholdMonths)
        {
            checks.Add(new OperationsCheck(Runway, OperationsCheck.Ok, runway, RunwayThresholdMonths, $"Runway {Text(runway)} months (figure of {latest.Day:yyyy-MM-dd}) is not under 6 months."));
            return;
        }

        (decimal? median, _) = OperationsFigures.Median(facts.Metrics, OperationsMetrics.RunwayMonths, latest.Day.AddDays(-BaselineDays), latest.Day);
        if (median is { } b && b < RunwayThresholdMonths && (b == 0 ? runway == 0 : Math.Abs(runway - b) <= AlertChange * b))
        {
            checks.Add(new OperationsCheck(Runway, OperationsCheck.Suppressed, runway, RunwayThresholdMonths,
                $"Runway {Text(runway)} months is under 6, but within 20 % of its 28-day median {Text(b)}, already under 6: no new alert (§17.6)."));
            return;
        }

        string key = $"loop:{tenant}:{Loop}:{Runway}:{latest.Day:yyyyMMdd}";
        checks.Add(new OperationsCheck(Runway, OperationsCheck.Action, runway, RunwayThresholdMonths,
            $"Runway {Text(runway)} months (figure of {latest.Day:yyyy-MM-dd}) is under 6 months: founder alerted."));
        actions.Add(new OperationsAction(Runway, "ops_runway_alert", "alert_operator", $"runway_months:{latest.Day:yyyy-MM-dd}",
            $"Runway {Text(runway)} months < 6 months (§17.4 check 1)",
            Alert: new OpsAlertSpec("runway_low", OperatorAlertSeverity.Critical, $"Runway at {Text(runway)} months",
                $"Severity high (§17.4 check 1): the runway is {Text(runway)} months (figure of {latest.Day:yyyy-MM-dd}), under 6 months. "
                + $"المدة المتبقية للسيولة {Text(runway)} شهر، أقل من 6 أشهر.",
                key, "founder", "/api/v1/operations/metrics")));
    }

    private static void CustomerHealthCheck(string tenant, string period, OperationsFacts facts, string correlationId, List<OperationsCheck> checks, List<OperationsAction> actions)
    {
        if (facts.Customers.Count == 0)
        {
            checks.Add(new OperationsCheck(CustomerHealth, OperationsCheck.NotMeasured, null, AtRiskScore.LowUsageDays,
                "No customer under a cadence has health inputs: not measured."));
            return;
        }

        OpsCustomer[] low = [.. facts.Customers.Where(c => c.Health.DaysInactive >= AtRiskScore.LowUsageDays).OrderBy(c => c.CustomerId, StringComparer.Ordinal)];
        checks.Add(new OperationsCheck(CustomerHealth, low.Length > 0 ? OperationsCheck.Action : OperationsCheck.Ok, low.Length, AtRiskScore.LowUsageDays,
            low.Length > 0
                ? $"{low.Length} of {facts.Customers.Count} customers inactive for 7 days or more: personal outreach ({string.Join(", ", low.Select(c => c.CustomerId))})."
                : $"None of {facts.Customers.Count} customers inactive for 7 days or more."));
        foreach (OpsCustomer c in low)
        {
            AtRiskAlert risk = AtRiskScore.Evaluate(c.Health.DaysInactive, c.Health.DraftsPending, c.Health.LastProofPackDaysAgo);
            CsTask outreach = risk.Tasks.First(t => t.Action == "personal_outreach");
            string severity = risk.Severity.ToString().ToLowerInvariant();
            var details = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["customer_id"] = c.CustomerId,
                ["risk_score"] = risk.RiskScore.ToString(CultureInfo.InvariantCulture),
                ["severity"] = severity,
                ["priority"] = "high",
                ["owner"] = "customer_success",
                ["days_inactive"] = c.Health.DaysInactive.ToString(CultureInfo.InvariantCulture),
                ["founder_digest"] = outreach.ShowInFounderDigest ? "yes" : "no",
                ["loop"] = Loop,
                ["correlation_id"] = correlationId,
            };
            actions.Add(new OperationsAction(CustomerHealth, "ops_personal_outreach", "create_task", $"customer:{c.CustomerId}",
                $"Customer {c.CustomerId} inactive for {c.Health.DaysInactive} days (≥ 7, §17.4 check 2)",
                Task: new OpsTaskSpec(OutreachTaskId(tenant, period, c.CustomerId), "cs", "personal_outreach",
                    $"Customer {c.CustomerId} at risk ({severity}, score {risk.RiskScore}): personal outreach", "csm", outreach.DueWithinBusinessDays, c.CustomerId,
                    CustomerSuccessCadenceOrchestrator.InstanceId(tenant, c.CustomerId), details)));
        }
    }

    private static void UptimeCheck(string tenant, string period, DateOnly day, OperationsFacts facts, string correlationId, List<OperationsCheck> checks,
        List<OperationsAction> actions)
    {
        (decimal? pct, int days) = OperationsFigures.Uptime7d(facts.Metrics, day);
        if (pct is not { } uptime)
        {
            checks.Add(new OperationsCheck(Uptime, OperationsCheck.NotMeasured, null, UptimeThresholdPct,
                $"No uptime_pct figure for the 7 days before {day:yyyy-MM-dd}: not measured."));
            return;
        }

        string measured = $"7-day uptime {Text(uptime)} % ({days} of 7 days measured)";
        if (uptime >= UptimeThresholdPct)
        {
            checks.Add(new OperationsCheck(Uptime, OperationsCheck.Ok, uptime, UptimeThresholdPct, $"{measured} is not under 99.5 %."));
            return;
        }

        if (facts.RecentPostMortems.Count > 0)
        {
            checks.Add(new OperationsCheck(Uptime, OperationsCheck.Covered, uptime, UptimeThresholdPct,
                $"{measured} is under 99.5 %; post-mortem {facts.RecentPostMortems[^1]} of the days before covers it."));
            return;
        }

        string id = PostMortemId(period);
        checks.Add(new OperationsCheck(Uptime, OperationsCheck.Action, uptime, UptimeThresholdPct, $"{measured} is under 99.5 %: post-mortem {id} drafted."));
        actions.Add(new OperationsAction(Uptime, "ops_post_mortem", "create_task", $"post_mortem:{id}", $"{measured} < 99.5 % (§17.4 check 3)",
            Task: new OpsTaskSpec(PostMortemTaskId(tenant, period), "ops", "post_mortem", $"Uptime {Text(uptime)} % over 7 days (< 99.5 %): complete post-mortem {id}",
                "engineer", 5, id, null, new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["post_mortem_id"] = id,
                    ["link"] = $"/api/v1/operations/post-mortems/{id}",
                    ["uptime_pct"] = Text(uptime),
                    ["days_measured"] = days.ToString(CultureInfo.InvariantCulture),
                    ["inform"] = "founder",
                    ["loop"] = Loop,
                    ["correlation_id"] = correlationId,
                }),
            PostMortem: true));
    }

    private static void VelocityCheck(string tenant, string period, DateOnly day, OperationsFacts facts, string correlationId, List<OperationsCheck> checks,
        List<OperationsAction> actions)
    {
        if (OperationsFigures.Latest(facts.Metrics, OperationsMetrics.Velocity, day.AddDays(-OperationsFigures.WindowDays), day) is not { } latest)
        {
            checks.Add(new OperationsCheck(Velocity, OperationsCheck.NotMeasured, null, null, $"No velocity figure for the 7 days before {day:yyyy-MM-dd}: not measured."));
            return;
        }

        string basis;
        decimal baseline;
        if (OperationsFigures.Latest(facts.Metrics, OperationsMetrics.VelocityBaseline, day.AddDays(-35), day.AddDays(1)) is { } pushed)
        {
            (baseline, basis) = (pushed.Value, $"velocity_baseline of {pushed.Day:yyyy-MM-dd}");
        }
        else if (OperationsFigures.Median(facts.Metrics, OperationsMetrics.Velocity, latest.Day.AddDays(-BaselineDays), latest.Day) is { Median: { } median, Count: >= MinBaselineFigures } m)
        {
            (baseline, basis) = (median, $"median of {m.Count} velocity figures of the 28 days before");
        }
        else
        {
            checks.Add(new OperationsCheck(Velocity, OperationsCheck.NotMeasured, latest.Value, null,
                $"Velocity {Text(latest.Value)}, but no baseline: no velocity_baseline and fewer than {MinBaselineFigures} velocity figures in the 28 days before: not measured."));
            return;
        }

        decimal threshold = VelocityFactor * baseline;
        string measured = $"7-day velocity {Text(latest.Value)} vs 0.7 × baseline {Text(baseline)} = {Text(threshold)} ({basis})";
        if (latest.Value >= threshold)
        {
            checks.Add(new OperationsCheck(Velocity, OperationsCheck.Ok, latest.Value, threshold, $"{measured}: not under."));
            return;
        }

        if (facts.RecentRetroTasks.Count > 0)
        {
            checks.Add(new OperationsCheck(Velocity, OperationsCheck.Covered, latest.Value, threshold, $"{measured}: under; retro task {facts.RecentRetroTasks[^1]} covers it."));
            return;
        }

        checks.Add(new OperationsCheck(Velocity, OperationsCheck.Action, latest.Value, threshold, $"{measured}: under; retro task for the team."));
        actions.Add(new OperationsAction(Velocity, "ops_schedule_retro", "create_task", $"velocity:{latest.Day:yyyy-MM-dd}", $"{measured} (§17.4 check 4)",
            Task: new OpsTaskSpec(RetroTaskId(tenant, period), "ops", "schedule_retro",
                $"Velocity {Text(latest.Value)} over 7 days < 0.7 × baseline {Text(baseline)}: schedule a retro with the team", "team_lead", 2, null, null,
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["velocity"] = Text(latest.Value),
                    ["baseline"] = Text(baseline),
                    ["baseline_basis"] = basis,
                    ["loop"] = Loop,
                    ["correlation_id"] = correlationId,
                })));
    }
}
