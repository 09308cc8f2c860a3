using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Rules;
using static Dealix.Orchestrations.Tests.Reports.ReportScenario;

namespace Dealix.Orchestrations.Tests.Reports.Rules;

/// <summary>Report windows in Asia/Riyadh time (§18, §19.2) and the triggers that name a report run.</summary>
public sealed class ReportWindowsTests
{
    [Theory]
    [InlineData("daily-digest", "20261206", "2026-12-02T21:00", "2026-12-05T21:00", "Thu 2026-12-03 – Sat 2026-12-05 (AST)")] // Sunday: Thu–Sat
    [InlineData("morning-digest", "20261206", "2026-12-02T21:00", "2026-12-05T21:00", "Thu 2026-12-03 – Sat 2026-12-05 (AST)")]
    [InlineData("daily-digest", "20261207", "2026-12-05T21:00", "2026-12-06T21:00", "Sun 2026-12-06 (AST)")]                    // Monday: Sunday
    [InlineData("daily-digest", "20261204", "2026-12-02T21:00", "2026-12-03T21:00", "Thu 2026-12-03 (AST)")]                    // Friday runs too
    [InlineData("morning-digest", "20261205", "2026-12-03T21:00", "2026-12-04T21:00", "Fri 2026-12-04 (AST)")]                  // and Saturday
    [InlineData("pre-shift-briefing", "20261206", "2026-12-05T21:00", "2026-12-06T21:00", "Sun 2026-12-06 (AST)")]              // today
    [InlineData("weekly-support-review", "2026W49", "2026-11-28T21:00", "2026-12-05T21:00", "Sun 2026-11-29 – Sat 2026-12-05 (AST)")]
    public void For_ValidPeriod_IsTheAstWindow(string kind, string period, string start, string end, string label)
    {
        ReportWindow window = ReportWindows.For(ReportKinds.Find(kind)!, period)!;

        Assert.Equal((DateTime.Parse(start + "Z").ToUniversalTime(), DateTime.Parse(end + "Z").ToUniversalTime(), label), (window.Start, window.End, window.Label));
        Assert.Equal(DateTimeKind.Utc, window.Start.Kind);
    }

    [Theory]
    [InlineData("daily-digest", null)]
    [InlineData("daily-digest", "")]
    [InlineData("daily-digest", "2026-12-06")]
    [InlineData("daily-digest", "20261332")]
    [InlineData("daily-digest", "2026W49")]
    [InlineData("weekly-support-review", "20261206")]
    [InlineData("weekly-support-review", "2026W54")]
    [InlineData("weekly-support-review", "2026W00")]
    [InlineData("weekly-support-review", "2026w49")]
    [InlineData("weekly-support-review", "+026W49")]
    public void For_InvalidPeriod_IsNull(string kind, string? period) => Assert.Null(ReportWindows.For(ReportKinds.Find(kind)!, period));

    [Fact]
    public void CurrentPeriod_SundayOneAmAst_IsThatDayAndItsIsoWeek()
    {
        Assert.Equal("20261206", ReportWindows.CurrentPeriod(ReportKinds.Find(ReportKinds.DailyDigest)!, Utc(12, 5, 22)));
        Assert.Equal("2026W49", ReportWindows.CurrentPeriod(ReportKinds.Find(ReportKinds.WeeklySupportReview)!, Utc(12, 5, 22)));
    }

    [Theory]
    [InlineData("timer:ops-morning-digest:20261206", "morning-digest", "20261206")]
    [InlineData("timer:product-loop-daily-digest:20261205", "daily-digest", "20261205")] // the daily digest is step 5 of the product loop job
    [InlineData("timer:operator-pre-shift-briefing:20261206", "pre-shift-briefing", "20261206")]
    [InlineData("timer:weekly-support-review:2026W49", "weekly-support-review", "2026W49")]
    [InlineData("request:weekly-support-review:2026W49", "weekly-support-review", "2026W49")]
    [InlineData("timer:daily-pipeline:20261206", null, null)]
    [InlineData("timer:ops-morning-digest:2026W49", null, null)]
    [InlineData("request:ops-morning-digest:20261206", null, null)]
    [InlineData("api", null, null)]
    [InlineData(null, null, null)]
    public void Trigger_Parse_NamesTheKindAndPeriod(string? trigger, string? kind, string? period)
    {
        (ReportKind Kind, string Period)? parsed = ReportTrigger.Parse(trigger);

        Assert.Equal((kind, period), (parsed?.Kind.Name, parsed?.Period));
    }
}
