using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Rules;

namespace Dealix.Orchestrations.Tests.Support.Rules;

public sealed class TicketSlaPlanTests
{
    private static readonly DateTime Opened = new(2026, 11, 22, 6, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(TicketPriority.P0, 24, 30, 192, 240)]
    [InlineData(TicketPriority.P1, 96, 120, 1152, 1440)]
    [InlineData(TicketPriority.P2, 384, 480, 3456, 4320)]
    [InlineData(TicketPriority.P3, 1152, 1440, 8064, 10080)]
    public void Checkpoints_OpenTicket_WarnAt80PercentAndBreachJustPastEachTarget(TicketPriority priority, int frWarn, int frDue, int resWarn, int resDue)
    {
        IReadOnlyList<SlaCheckpoint> points = TicketSlaPlan.Checkpoints(View(priority));

        Assert.Equal(
            [Opened.AddMinutes(frWarn), Opened.AddMinutes(frDue).AddSeconds(1), Opened.AddMinutes(resWarn), Opened.AddMinutes(resDue).AddSeconds(1)],
            points.Select(p => p.At));
        Assert.Equal([SlaTarget.FirstResponse, SlaTarget.FirstResponse, SlaTarget.Resolution, SlaTarget.Resolution], points.Select(p => p.Target));
        Assert.Equal(4, points.Select(p => p.Key).Distinct().Count());
    }

    [Fact]
    public void Checkpoints_AnsweredTicket_KeepOnlyResolution_AndResolvedTicketNone()
    {
        Assert.All(TicketSlaPlan.Checkpoints(View(TicketPriority.P1) with { FirstResponseAt = Opened.AddMinutes(5) }),
            p => Assert.Equal(SlaTarget.Resolution, p.Target));
        Assert.Empty(TicketSlaPlan.Checkpoints(View(TicketPriority.P1) with { IsResolved = true, ResolvedAt = Opened.AddHours(1) }));
    }

    [Theory]
    [InlineData(TicketPriority.P0, EscalationLevel.Warning, "founder")]
    [InlineData(TicketPriority.P0, EscalationLevel.Breach, "founder")]
    [InlineData(TicketPriority.P1, EscalationLevel.Warning, "engineer,team_lead")]
    [InlineData(TicketPriority.P1, EscalationLevel.Breach, "founder")]
    [InlineData(TicketPriority.P2, EscalationLevel.Warning, "operator,engineer")]
    [InlineData(TicketPriority.P2, EscalationLevel.Breach, "team_lead")]
    [InlineData(TicketPriority.P3, EscalationLevel.Breach, "team_lead")]
    public void Recipients_FollowOwnersThenTheLadder(TicketPriority priority, EscalationLevel level, string roles)
    {
        Assert.Equal(roles, string.Join(',', TicketSlaPlan.Recipients(priority, level)));
    }

    [Fact]
    public void StillDue_PriorityChangedOrAnswered_IsNoLongerDue()
    {
        SlaCheckpoint p3Warning = TicketSlaPlan.Checkpoints(View(TicketPriority.P3))[0];
        DateTime late = Opened.AddDays(2);
        Assert.True(TicketSlaPlan.StillDue(View(TicketPriority.P3), p3Warning, late));
        Assert.False(TicketSlaPlan.StillDue(View(TicketPriority.P1), p3Warning, late));
        Assert.False(TicketSlaPlan.StillDue(View(TicketPriority.P3) with { FirstResponseAt = Opened.AddHours(1) }, p3Warning, late));
        Assert.False(TicketSlaPlan.StillDue(View(TicketPriority.P3), p3Warning, Opened.AddHours(1)));
    }

    [Fact]
    public void View_FromLog_TakesChangedPriorityFirstResponseAndResolution()
    {
        SlaEvent[] log =
        [
            new("t1", "acme", SlaEventType.TicketOpened, TicketPriority.P3, Opened, "c", "x"),
            new("t1", "acme", SlaEventType.PriorityChanged, TicketPriority.P1, Opened.AddMinutes(5), "op", "x"),
            new("t1", "acme", SlaEventType.FirstResponseSent, TicketPriority.P1, Opened.AddMinutes(10), "op", "x"),
            new("t1", "acme", SlaEventType.Resolved, TicketPriority.P1, Opened.AddHours(2), "op", "x"),
        ];
        TicketSlaView view = TicketSlaPlan.View("acme", "t1", log)!;
        Assert.Equal((TicketPriority.P1, Opened.AddMinutes(10), true, Opened.AddHours(2)), (view.Priority, view.FirstResponseAt, view.IsResolved, view.ResolvedAt));
        Assert.Null(TicketSlaPlan.View("acme", "t1", []));
    }

    [Theory]
    [InlineData(TicketPriority.P0, 11.25, 15)]
    [InlineData(TicketPriority.P1, 45, 60)]
    [InlineData(TicketPriority.P2, 180, 240)]
    [InlineData(TicketPriority.P3, 540, 720)]
    public void SupportApprovalPolicy_FirstResponseDraft_IsDueAtHalfTheTarget(TicketPriority priority, double reminderMinutes, double dueMinutes)
    {
        ApprovalPlan plan = SupportApprovalPolicy.PlanFor(priority, Opened, Opened.AddDays(7));
        Assert.Equal([(ApprovalStepKind.Reminder, Opened.AddMinutes(reminderMinutes)), (ApprovalStepKind.Escalation, Opened.AddMinutes(dueMinutes))],
            plan.Steps.Select(s => (s.Kind, s.DueAt)));
    }

    [Fact]
    public void SupportApprovalPolicy_StoredDraft_ReadsItsPriorityFromTheCategory()
    {
        var draft = new ReplyDraft
        {
            DraftId = "t1-fr",
            TenantId = "acme",
            DealInstanceId = "ticket:acme:t1",
            ContactId = "em-1",
            Channel = MessageChannel.Email,
            To = "a@example.com",
            Text = "…",
            Kind = DraftKind.SupportFirstResponse,
            Category = SupportApprovalPolicy.Category(TicketPriority.P0),
            Stage = DealStage.NewLead,
            Status = DraftStatus.PendingApproval,
            CorrelationId = "c",
            CreatedAt = Opened,
            ExpiresAt = Opened.AddHours(4),
        };
        Assert.Equal(TicketPriority.P0, SupportApprovalPolicy.PriorityOf(draft));
        Assert.Equal(Opened.AddMinutes(15), SupportApprovalPolicy.PlanForStored(draft)!.Steps[^1].DueAt);
        Assert.Null(SupportApprovalPolicy.PlanForStored(draft with { Category = "support_x" }));
    }

    private static TicketSlaView View(TicketPriority priority) => new("acme", "t1", priority, Opened, null, false, null, 1);
}
