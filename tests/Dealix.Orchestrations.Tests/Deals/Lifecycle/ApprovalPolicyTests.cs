using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;

namespace Dealix.Orchestrations.Tests.Deals.Lifecycle;

public sealed class ApprovalPolicyTests
{
    private static readonly DateTime Noon = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void PlanFor_WhatsAppReply_RemindsAt90MinutesEscalatesAt2HoursExpiresWithTheWindow()
    {
        ApprovalPlan plan = ApprovalPolicy.PlanFor(DraftKind.Reply, DealStage.Qualifying, MessageChannel.WhatsApp, Noon, Noon.AddHours(23));

        Assert.Equal([new ApprovalStep(ApprovalStepKind.Reminder, Noon.AddMinutes(90)), new ApprovalStep(ApprovalStepKind.Escalation, Noon.AddHours(2))], plan.Steps);
        Assert.Equal(Noon.AddHours(23), plan.ExpiresAt);
    }

    [Fact]
    public void PlanFor_EmailReply_ExpiresAfter48Hours()
    {
        Assert.Equal(Noon.AddHours(48), ApprovalPolicy.PlanFor(DraftKind.Reply, DealStage.Qualifying, MessageChannel.Email, Noon, null).ExpiresAt);
    }

    [Fact]
    public void PlanFor_NegotiatingStage_RemindsBeforeEscalating()
    {
        ApprovalPlan plan = ApprovalPolicy.PlanFor(DraftKind.Reply, DealStage.Negotiating, MessageChannel.WhatsApp, Noon, Noon.AddHours(24));

        Assert.Equal([Noon.AddHours(6), Noon.AddHours(8)], plan.Steps.Select(s => s.DueAt));
        Assert.Equal(Noon.AddHours(72), plan.ExpiresAt);
    }

    [Fact]
    public void PlanFor_FollowUp_IsDueIn24HoursAndExpiresIn72()
    {
        ApprovalPlan plan = ApprovalPolicy.PlanFor(DraftKind.FollowUp, DealStage.Qualifying, MessageChannel.WhatsApp, Noon, null);

        Assert.Equal([Noon.AddHours(18), Noon.AddHours(24)], plan.Steps.Select(s => s.DueAt));
        Assert.Equal(Noon.AddHours(72), plan.ExpiresAt);
    }

    [Fact]
    public void PlanFor_WindowClosingBeforeTheReminder_OnlyExpires()
    {
        ApprovalPlan plan = ApprovalPolicy.PlanFor(DraftKind.Reply, DealStage.Qualifying, MessageChannel.WhatsApp, Noon, Noon.AddHours(1));

        Assert.Empty(plan.Steps);
        Assert.Equal(Noon.AddHours(1), plan.ExpiresAt);
    }
}
