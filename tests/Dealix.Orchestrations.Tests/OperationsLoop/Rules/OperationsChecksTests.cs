using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.OperationsLoop.Contracts;
using Dealix.Orchestrations.OperationsLoop.Rules;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Rules;

namespace Dealix.Orchestrations.Tests.OperationsLoop.Rules;

/// <summary>
/// The §17.4 checks 1–4 with exact figures: each threshold from both sides, a missing figure (not measured, never an
/// alert), the §17.6 runway de-duplication, a breach an earlier day already covers, and the digest's figures.
/// </summary>
public sealed class OperationsChecksTests
{
    /// <summary>Sunday 2026-12-06 (AST), the run day.</summary>
    private static readonly DateOnly Day = new(2026, 12, 6);

    private static MetricPoint P(string metric, int daysBefore, decimal value) => new(metric, Day.AddDays(-daysBefore), value);

    private static OperationsPlan Run(IEnumerable<MetricPoint> metrics, IEnumerable<OpsCustomer>? customers = null, string[]? postMortems = null, string[]? retros = null) =>
        OperationsChecks.Evaluate("acme", "20261206", Day, new OperationsFacts([.. metrics], [.. customers ?? []], postMortems ?? [], retros ?? []), "c-1");

    private static OperationsCheck Check(OperationsPlan plan, string check) => plan.Checks.Single(c => c.Check == check);

    private static OpsCustomer Customer(string id, int daysInactive) => new(id, new HealthInputs(7 - Math.Min(daysInactive, 7), daysInactive, 10, 3, 5, 2, 2, false, 0, 0, 0, 0, false, true));

    [Fact]
    public void Evaluate_NoFigures_EveryCheckNotMeasuredAndNoAction()
    {
        OperationsPlan plan = Run([]);

        Assert.Equal([(OperationsChecks.Runway, "not_measured"), (OperationsChecks.CustomerHealth, "not_measured"), (OperationsChecks.Uptime, "not_measured"),
            (OperationsChecks.Velocity, "not_measured")], plan.Checks.Select(c => (c.Check, c.Status)));
        Assert.All(plan.Checks, c => Assert.Null(c.Figure));
        Assert.Empty(plan.Actions);
    }

    [Theory]
    [InlineData("5.99", "action")]
    [InlineData("6", "ok")]
    [InlineData("6.01", "ok")]
    public void Runway_AgainstSixMonths(string runway, string status)
    {
        OperationsPlan plan = Run([P(OperationsMetrics.RunwayMonths, 0, decimal.Parse(runway, System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(status, Check(plan, OperationsChecks.Runway).Status);
        Assert.Equal(status == "action" ? 1 : 0, plan.Actions.Count);
    }

    [Fact]
    public void Runway_UnderSix_FounderAlertSeverityHighWithTheStatedMessage()
    {
        OperationsAction action = Assert.Single(Run([P(OperationsMetrics.RunwayMonths, 2, 5.5m)]).Actions);

        Assert.Equal(("ops_runway_alert", "alert_operator", "runway_months:2026-12-04"), (action.Action, action.GuardAction, action.Target));
        OpsAlertSpec alert = action.Alert!;
        Assert.Equal(("Runway at 5.5 months", "critical", "founder", "loop:acme:operations:runway:20261204"), (alert.Title, alert.Severity, alert.OwnerRole, alert.IdempotencyKey));
        Assert.StartsWith("Severity high (§17.4 check 1): the runway is 5.5 months", alert.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Runway_FigureOlderThan31Days_NotMeasured()
    {
        Assert.Equal("not_measured", Check(Run([P(OperationsMetrics.RunwayMonths, 32, 2m)]), OperationsChecks.Runway).Status);
        Assert.Equal("action", Check(Run([P(OperationsMetrics.RunwayMonths, 31, 2m)]), OperationsChecks.Runway).Status);
    }

    [Fact]
    public void Runway_StillUnderSixWithin20PercentOfItsMedian_NotAlertedAgain_ButA20PercentDropIs()
    {
        MetricPoint[] earlier = [P(OperationsMetrics.RunwayMonths, 10, 5m), P(OperationsMetrics.RunwayMonths, 5, 5m), P(OperationsMetrics.RunwayMonths, 3, 5m)];

        OperationsPlan same = Run([.. earlier, P(OperationsMetrics.RunwayMonths, 0, 4m)]); // |4 − 5| = 20 % of 5: noise
        OperationsPlan drop = Run([.. earlier, P(OperationsMetrics.RunwayMonths, 0, 3.99m)]); // more than 20 %

        Assert.Equal(("suppressed", 0), (Check(same, OperationsChecks.Runway).Status, same.Actions.Count));
        Assert.Equal(("action", "Runway at 3.99 months"), (Check(drop, OperationsChecks.Runway).Status, drop.Actions.Single().Alert!.Title));
        // Coming down from above 6 months is always news.
        Assert.Equal("action", Check(Run([P(OperationsMetrics.RunwayMonths, 3, 6.2m), P(OperationsMetrics.RunwayMonths, 0, 5.9m)]), OperationsChecks.Runway).Status);
    }

    [Fact]
    public void CustomerHealth_SevenInactiveDays_OutreachTaskUnderTheAtRiskSweepsId_SixDoesNot()
    {
        OperationsPlan plan = Run([], [Customer("c-seven", 7), Customer("c-six", 6), Customer("c-fourteen", 14)]);

        OperationsCheck check = Check(plan, OperationsChecks.CustomerHealth);
        Assert.Equal(("action", 2m), (check.Status, check.Figure));
        Assert.Equal(["c-fourteen", "c-seven"], plan.Actions.Select(a => a.Task!.SubjectId));
        OpsTaskSpec task = plan.Actions[1].Task!;
        Assert.Equal(("sched:cs-at-risk:20261206:acme:c-seven:personal_outreach", "cs", "personal_outreach", "csm"), (task.TaskId, task.Area, task.Kind, task.OwnerRole));
        Assert.Equal(("high", "customer_success", "operations"), (task.Details["priority"], task.Details["owner"], task.Details["loop"]));
        Assert.Equal("cs:acme:c-seven", task.InstanceId);
        Assert.Equal("ok", Check(Run([], [Customer("c-six", 6)]), OperationsChecks.CustomerHealth).Status);
    }

    [Theory]
    [InlineData("99.5", "ok", "99.5")]
    [InlineData("99.497", "ok", "99.5")] // (6 × 99.5 + 99.497) / 7 = 99.49957 → 99.500 at 3 decimals: not under
    [InlineData("99.496", "action", "99.499")] // 99.49943 → 99.499
    public void Uptime_SevenDayMeanAgainst99Point5(string lastDay, string status, string figure)
    {
        decimal last = decimal.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture);
        MetricPoint[] uptime = [.. Enumerable.Range(2, 6).Select(d => P(OperationsMetrics.UptimePct, d, 99.5m)), P(OperationsMetrics.UptimePct, 1, last)];

        OperationsCheck check = Check(Run(uptime), OperationsChecks.Uptime);

        Assert.Equal((status, decimal.Parse(figure, System.Globalization.CultureInfo.InvariantCulture), 99.5m), (check.Status, check.Figure!.Value, check.Threshold!.Value));
    }

    [Fact]
    public void Uptime_Under99Point5_PostMortemTaskForTheEngineer_OrCoveredByAnEarlierOne()
    {
        MetricPoint[] uptime = [P(OperationsMetrics.UptimePct, 1, 97m), .. Enumerable.Range(2, 6).Select(d => P(OperationsMetrics.UptimePct, d, 99.9m)),
            P(OperationsMetrics.UptimePct, 0, 50m), P(OperationsMetrics.UptimePct, 8, 50m)]; // today and 8 days back are outside the window

        OperationsPlan plan = Run(uptime);

        OperationsCheck check = Check(plan, OperationsChecks.Uptime);
        Assert.Equal(("action", 99.486m), (check.Status, check.Figure)); // (97 + 6 × 99.9) / 7 = 99.4857
        OperationsAction action = Assert.Single(plan.Actions);
        Assert.True(action.PostMortem);
        Assert.Equal(("ops:acme:20261206:post_mortem", "engineer", "uptime-20261206", "/api/v1/operations/post-mortems/uptime-20261206"),
            (action.Task!.TaskId, action.Task.OwnerRole, action.Task.SubjectId, action.Task.Details["link"]));
        Assert.Equal("Uptime 99.486 % over 7 days (< 99.5 %): complete post-mortem uptime-20261206", action.Task.Title);

        OperationsPlan covered = Run(uptime, postMortems: ["uptime-20261204"]);
        Assert.Equal("covered", Check(covered, OperationsChecks.Uptime).Status);
        Assert.Empty(covered.Actions);
    }

    [Fact]
    public void Velocity_AgainstPushedBaseline_BothSides()
    {
        MetricPoint baseline = P(OperationsMetrics.VelocityBaseline, 10, 40m);

        Assert.Equal(("ok", 28m), Pick(Check(Run([baseline, P(OperationsMetrics.Velocity, 1, 28m)]), OperationsChecks.Velocity)));
        OperationsPlan under = Run([baseline, P(OperationsMetrics.Velocity, 1, 27.99m)]);
        Assert.Equal(("action", 28m), Pick(Check(under, OperationsChecks.Velocity)));
        OpsTaskSpec retro = Assert.Single(under.Actions).Task!;
        Assert.Equal(("ops:acme:20261206:retro", "schedule_retro", "team_lead"), (retro.TaskId, retro.Kind, retro.OwnerRole));
        Assert.Equal("Velocity 27.99 over 7 days < 0.7 × baseline 40: schedule a retro with the team", retro.Title);
        Assert.Equal("covered", Check(Run([baseline, P(OperationsMetrics.Velocity, 1, 20m)], retros: ["ops:acme:20261203:retro"]), OperationsChecks.Velocity).Status);

        static (string, decimal?) Pick(OperationsCheck c) => (c.Status, c.Threshold);
    }

    [Fact]
    public void Velocity_WithoutPushedBaseline_TrailingMedianOfAtLeastSevenFigures()
    {
        // Figures on the 28 days before the latest (day −1): 10, 20, …, 70 → median 40; 0.7 × 40 = 28.
        MetricPoint[] history = [.. Enumerable.Range(0, 7).Select(i => P(OperationsMetrics.Velocity, 2 + (3 * i), 10m * (i + 1)))];

        Assert.Equal(("action", 28m), (Check(Run([.. history, P(OperationsMetrics.Velocity, 1, 27m)]), OperationsChecks.Velocity) is var c ? (c.Status, c.Threshold) : default));
        Assert.Equal("ok", Check(Run([.. history, P(OperationsMetrics.Velocity, 1, 28m)]), OperationsChecks.Velocity).Status);
        // Six earlier figures are not a baseline: not measured, no task.
        OperationsPlan thin = Run([.. history.Skip(1), P(OperationsMetrics.Velocity, 1, 1m)]);
        Assert.Equal(("not_measured", 1m), (Check(thin, OperationsChecks.Velocity).Status, Check(thin, OperationsChecks.Velocity).Figure));
        Assert.Empty(thin.Actions);
    }

    [Theory]
    [InlineData("uptime_pct", "100", null)]
    [InlineData("uptime_pct", "100.001", "uptime_pct must be a number ≥ 0 and ≤ 100 with at most 3 decimals.")]
    [InlineData("uptime_pct", "99.9995", "uptime_pct must be a number ≥ 0 and ≤ 100 with at most 3 decimals.")]
    [InlineData("revenue_sar", "1250.75", null)]
    [InlineData("revenue_sar", "-1", "revenue_sar must be a number ≥ 0 and ≤ 1000000000 with at most 2 decimals.")]
    [InlineData("velocity_baseline", "0", "velocity_baseline must be a number > 0 and ≤ 100000 with at most 2 decimals.")]
    [InlineData("runway_months", "0", null)]
    public void Metrics_ValueRangesAndDecimals(string metric, string value, string? problem) =>
        Assert.Equal(problem, OperationsMetrics.ValueProblem(metric, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Metrics_DaysUpToTodayAst_AndKnownNamesOnly()
    {
        DateTime lateSaturdayUtc = new(2026, 12, 5, 21, 30, 0, DateTimeKind.Utc); // Sunday 00:30 AST
        Assert.Equal(new DateOnly(2026, 12, 6), OperationsMetrics.ParseDay("2026-12-06", lateSaturdayUtc).Day);
        Assert.Equal("The day 2026-12-07 is in the future (today is 2026-12-06 AST).", OperationsMetrics.ParseDay("2026-12-07", lateSaturdayUtc).Problem);
        Assert.NotNull(OperationsMetrics.ParseDay("2026-13-01", lateSaturdayUtc).Problem);
        Assert.NotNull(OperationsMetrics.ParseDay("2020-01-01", lateSaturdayUtc).Problem);
        Assert.Null(OperationsMetrics.MetricProblem("velocity"));
        Assert.StartsWith("Unknown metric 'mrr'.", OperationsMetrics.MetricProblem("mrr"), StringComparison.Ordinal);
    }

    [Fact]
    public void MorningDigest_RevenueAndUptimeFromTheStore_OrNotMeasured()
    {
        ReportWindow sunday = ReportWindows.For(ReportKinds.Find(ReportKinds.MorningDigest)!, "20261206")!; // Thu–Sat
        ReportFacts facts = ReportFacts.Empty with
        {
            OperationsMetrics = [P(OperationsMetrics.RevenueSar, 3, 1000.5m), P(OperationsMetrics.RevenueSar, 1, 2000m), P(OperationsMetrics.RevenueSar, 0, 9999m),
                P(OperationsMetrics.UptimePct, 1, 97m), .. Enumerable.Range(2, 6).Select(d => P(OperationsMetrics.UptimePct, d, 99.9m))],
        };

        MorningDigest digest = MorningDigestBuilder.Build(facts, sunday, new DateTime(2026, 12, 6, 3, 0, 0, DateTimeKind.Utc));

        Assert.Equal(("3000.5", 3000.5m, 2, 3), (digest.Revenue!.Value, digest.Revenue.Amount, digest.Revenue.DaysMeasured, digest.Revenue.Days));
        Assert.Equal(("99.486", 7), (digest.Uptime!.Value, digest.Uptime.DaysMeasured));
        IReadOnlyList<string> summary = MorningDigestBuilder.Summarise(digest, sunday).Summary;
        Assert.StartsWith("Revenue: 3000.5 SAR; deals won: 0", summary[1], StringComparison.Ordinal);
        Assert.StartsWith("System health: green; uptime (7 days): 99.486 %", summary[3], StringComparison.Ordinal);

        MorningDigest empty = MorningDigestBuilder.Build(ReportFacts.Empty, sunday, new DateTime(2026, 12, 6, 3, 0, 0, DateTimeKind.Utc));
        Assert.Equal(("not measured", null), (empty.Revenue!.Value, empty.Revenue.Amount));
        Assert.Equal(("not measured", null), (empty.Uptime!.Value, empty.Uptime.Amount));
        Assert.Contains("الإيراد: غير مقاس", MorningDigestBuilder.Summarise(empty, sunday).Summary[1], StringComparison.Ordinal);
    }
}
