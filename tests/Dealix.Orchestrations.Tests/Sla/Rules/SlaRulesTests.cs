using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Sla.Rules;
using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Tests.Sla.Rules;

public class SlaRulesTests
{
    private static readonly DateTime Opened = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static SlaEvent E(SlaEventType type, double minutes, TicketPriority priority = TicketPriority.P1, string ticket = "t-1") =>
        new(ticket, "tenant-a", type, priority, Opened.AddMinutes(minutes), "operator", "c-1");

    [Theory]
    [InlineData("ticket_opened", true)]
    [InlineData("first_response_sent", true)]
    [InlineData("escalated", true)]
    [InlineData("priority_changed", true)]
    [InlineData("resolved", true)]
    [InlineData("reopened", true)]
    [InlineData("Resolved", false)]
    [InlineData("closed", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("تم الحل", false)]
    public void TryParseEventType_WireName_IsStrict(string? wire, bool expected) =>
        Assert.Equal(expected, SlaLog.TryParseEventType(wire, out _));

    [Fact]
    public void Validate_FirstEventNotOpened_IsRejected() =>
        Assert.Equal("first_event_not_opened", SlaLog.Validate([], E(SlaEventType.Resolved, 5)).Code);

    [Fact]
    public void Validate_SecondFirstResponse_IsRejected() =>
        Assert.Equal("duplicate_first_response",
            SlaLog.Validate([E(SlaEventType.TicketOpened, 0), E(SlaEventType.FirstResponseSent, 10)], E(SlaEventType.FirstResponseSent, 20)).Code);

    [Fact]
    public void Validate_ResolveTwice_IsRejected() =>
        Assert.Equal("not_open", SlaLog.Validate([E(SlaEventType.TicketOpened, 0), E(SlaEventType.Resolved, 10)], E(SlaEventType.Resolved, 20)).Code);

    [Fact]
    public void Validate_ReopenOpenTicket_IsRejected() =>
        Assert.Equal("not_resolved", SlaLog.Validate([E(SlaEventType.TicketOpened, 0)], E(SlaEventType.Reopened, 20)).Code);

    [Fact]
    public void Validate_TimeBackwards_IsRejected() =>
        Assert.Equal("time_went_backwards", SlaLog.Validate([E(SlaEventType.TicketOpened, 30)], E(SlaEventType.Escalated, 10)).Code);

    [Fact]
    public void Validate_UnknownNumericType_IsRejected() =>
        Assert.Equal("unknown_event_type", SlaLog.Validate([E(SlaEventType.TicketOpened, 0)], E((SlaEventType)42, 10)).Code);

    [Fact]
    public void Validate_ResolveThenReopenThenResolve_IsAccepted()
    {
        var history = new List<SlaEvent> { E(SlaEventType.TicketOpened, 0) };
        foreach (SlaEvent next in new[] { E(SlaEventType.FirstResponseSent, 5), E(SlaEventType.Resolved, 60), E(SlaEventType.Reopened, 70), E(SlaEventType.Resolved, 90) })
        {
            Assert.True(SlaLog.Validate(history, next).Accepted);
            history.Add(next);
        }
    }

    [Theory]
    [InlineData(TicketPriority.P0, 20, SlaTargetStatus.Pending)]
    [InlineData(TicketPriority.P0, 24, SlaTargetStatus.AtRisk)]
    [InlineData(TicketPriority.P0, 31, SlaTargetStatus.Breached)]
    [InlineData(TicketPriority.P1, 60, SlaTargetStatus.Pending)]
    [InlineData(TicketPriority.P1, 100, SlaTargetStatus.AtRisk)]
    [InlineData(TicketPriority.P3, 1441, SlaTargetStatus.Breached)]
    public void Classify_NoFirstResponseYet_StatusByElapsedShare(TicketPriority priority, double minutesNow, SlaTargetStatus expected)
    {
        SlaBreach breach = SlaBreachClassifier.Classify([E(SlaEventType.TicketOpened, 0, priority)], Opened.AddMinutes(minutesNow))!;

        Assert.Equal(expected, breach.FirstResponse);
    }

    [Fact]
    public void Classify_RespondedInTimeResolvedLate_IsBreachedOnResolution()
    {
        SlaBreach breach = SlaBreachClassifier.Classify(
            [E(SlaEventType.TicketOpened, 0, TicketPriority.P0), E(SlaEventType.FirstResponseSent, 10, TicketPriority.P0), E(SlaEventType.Resolved, 300, TicketPriority.P0)],
            Opened.AddDays(1))!;

        Assert.Equal(SlaTargetStatus.Met, breach.FirstResponse);
        Assert.Equal(SlaTargetStatus.Breached, breach.Resolution);
        Assert.True(breach.IsBreached);
    }

    [Fact]
    public void Classify_PriorityRaised_RecomputesFromOpeningTime()
    {
        // Opened as P3 at 0, raised to P0 at 40 min with no response yet: the P0 30-minute target has passed.
        SlaBreach breach = SlaBreachClassifier.Classify(
            [E(SlaEventType.TicketOpened, 0, TicketPriority.P3), E(SlaEventType.PriorityChanged, 40, TicketPriority.P0)], Opened.AddMinutes(41))!;

        Assert.Equal(TicketPriority.P0, breach.Priority);
        Assert.Equal(SlaTargetStatus.Breached, breach.FirstResponse);
    }

    [Fact]
    public void Classify_NoEvents_IsNull() => Assert.Null(SlaBreachClassifier.Classify([], Opened));

    [Theory]
    [InlineData(0.0, false, SlaVerdict.Healthy)]
    [InlineData(0.049, false, SlaVerdict.Healthy)]
    [InlineData(0.05, false, SlaVerdict.Watch)]
    [InlineData(0.149, false, SlaVerdict.Watch)]
    [InlineData(0.15, false, SlaVerdict.Critical)]
    [InlineData(0.0, true, SlaVerdict.Critical)]
    public void VerdictFor_RateAndP0_FollowsThresholds(double rate, bool p0, SlaVerdict expected) =>
        Assert.Equal(expected, SlaHealthReporter.VerdictFor(rate, p0));

    [Fact]
    public void Build_NoTickets_IsHealthyWithZeroRate()
    {
        SlaHealthReport report = SlaHealthReporter.Build([], Opened);

        Assert.Equal(0, report.BreachRate);
        Assert.Equal(SlaVerdict.Healthy, report.Verdict);
        Assert.Null(report.MedianFirstResponse);
    }

    [Fact]
    public void Build_OneBreachedOfTen_IsWatch()
    {
        DateTime now = Opened.AddDays(2);
        var tickets = Enumerable.Range(0, 9)
            .Select(i => (IReadOnlyList<SlaEvent>)[E(SlaEventType.TicketOpened, 0, TicketPriority.P3, $"t{i}"), E(SlaEventType.FirstResponseSent, 60, TicketPriority.P3, $"t{i}"), E(SlaEventType.Resolved, 120, TicketPriority.P3, $"t{i}")])
            .Append([E(SlaEventType.TicketOpened, 0, TicketPriority.P2, "late")])
            .ToList();

        SlaHealthReport report = SlaHealthReporter.Build(tickets, now);

        Assert.Equal(10, report.TotalTickets);
        Assert.Equal(1, report.BreachedTickets);
        Assert.Equal(0.1, report.BreachRate, precision: 6);
        Assert.Equal(SlaVerdict.Watch, report.Verdict);
        Assert.Equal(TimeSpan.FromMinutes(60), report.MedianFirstResponse);
    }

    [Fact]
    public void Build_TicketOutsideWindow_IsNotCounted()
    {
        SlaHealthReport report = SlaHealthReporter.Build([[E(SlaEventType.TicketOpened, 0, TicketPriority.P0)]], Opened.AddDays(8));

        Assert.Equal(0, report.TotalTickets);
    }
}
