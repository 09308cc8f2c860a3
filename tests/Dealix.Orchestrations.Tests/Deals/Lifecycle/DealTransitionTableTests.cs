using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;

namespace Dealix.Orchestrations.Tests.Deals.Lifecycle;

public sealed class DealTransitionTableTests
{
    private static readonly DealTransitionTable Table = DealTransitionTable.Instance;

    [Theory]
    [InlineData(DealStage.NewLead, "ask_price", DealStage.Qualifying, false)]
    [InlineData(DealStage.NewLead, "unclear", DealStage.Qualifying, false)]
    [InlineData(DealStage.Qualifying, "ask_demo", DealStage.Qualified, false)]
    [InlineData(DealStage.Qualified, "not_now", DealStage.Nurturing, false)]
    [InlineData(DealStage.Nurturing, "interested", DealStage.Qualifying, false)]
    [InlineData(DealStage.ProposalSent, "not_interested", DealStage.ClosedLost, false)]
    [InlineData(DealStage.ProposalSent, "ask_price", DealStage.Negotiating, true)]
    [InlineData(DealStage.Negotiating, "not_interested", DealStage.Negotiating, false)]
    [InlineData(DealStage.Qualifying, "ask_price", DealStage.Qualifying, false)]
    [InlineData(DealStage.Qualifying, "complaint", DealStage.Qualifying, false)]
    [InlineData(DealStage.PilotActive, "unsubscribe", DealStage.OptedOut, false)]
    [InlineData(DealStage.ClosedLost, "unsubscribe", DealStage.OptedOut, false)]
    [InlineData(DealStage.OptedOut, "interested", DealStage.OptedOut, false)]
    public void Apply_Intent_FollowsTheTransitionTable(DealStage from, string intent, DealStage to, bool needsApproval)
    {
        StageTransition transition = Table.Apply(from, StageTrigger.Intent(intent));

        Assert.Equal(to, transition.To);
        Assert.Equal(needsApproval, transition.NeedsApproval);
    }

    [Theory]
    [InlineData(DealStage.Qualified, "meeting_scheduled", DealStage.MeetingBooked)]
    [InlineData(DealStage.MeetingBooked, "meeting_completed", DealStage.MeetingDone)]
    [InlineData(DealStage.MeetingDone, "proposal_sent", DealStage.ProposalSent)]
    [InlineData(DealStage.Negotiating, "terms_agreed", DealStage.PaymentRequested)]
    [InlineData(DealStage.PaymentRequested, "payment_confirmed", DealStage.PilotActive)]
    [InlineData(DealStage.PilotActive, "pilot_converted", DealStage.ClosedWon)]
    [InlineData(DealStage.PilotActive, "pilot_not_converted", DealStage.ClosedLost)]
    [InlineData(DealStage.Qualifying, "no_response_timeout", DealStage.Nurturing)]
    [InlineData(DealStage.Nurturing, "no_response_timeout", DealStage.ClosedLost)]
    [InlineData(DealStage.ClosedLost, "reopen", DealStage.Nurturing)]
    [InlineData(DealStage.OptedOut, "reopen", DealStage.OptedOut)]
    [InlineData(DealStage.NewLead, "terms_agreed", DealStage.NewLead)]
    public void Apply_Event_FollowsTheTransitionTable(DealStage from, string name, DealStage to)
    {
        Assert.Equal(to, Table.Apply(from, StageTrigger.Event(name)).To);
    }

    [Fact]
    public void Apply_QualificationComplete_DependsOnCriteria()
    {
        Assert.Equal(DealStage.Qualified, Table.Apply(DealStage.Qualifying, new StageTrigger("qualification_complete", false, CriteriaMet: true)).To);
        StageTransition notFit = Table.Apply(DealStage.Qualifying, new StageTrigger("qualification_complete", false, CriteriaMet: false));
        Assert.Equal((DealStage.ClosedLost, "not_a_fit"), (notFit.To, notFit.Reason));
    }

    [Fact]
    public void Apply_SecondNoShow_GoesToNurturing()
    {
        Assert.Equal(DealStage.Qualified, Table.Apply(DealStage.MeetingBooked, new StageTrigger("meeting_no_show", false, NoShowCount: 0)).To);
        Assert.Equal(DealStage.Nurturing, Table.Apply(DealStage.MeetingBooked, new StageTrigger("meeting_no_show", false, NoShowCount: 1)).To);
    }

    [Fact]
    public void Apply_FullPurchase_GoesStraightToClosedWon()
    {
        Assert.Equal(DealStage.ClosedWon, Table.Apply(DealStage.PaymentRequested, new StageTrigger("payment_confirmed", false, PurchaseType: "full")).To);
    }

    [Fact]
    public void Table_ListsEveryStageAsASource()
    {
        var sources = Table.Table.SelectMany(r => r.From).ToHashSet();
        Assert.All(Enum.GetValues<DealStage>().Where(s => s != DealStage.OptedOut), s => Assert.Contains(s, sources));
    }
}
