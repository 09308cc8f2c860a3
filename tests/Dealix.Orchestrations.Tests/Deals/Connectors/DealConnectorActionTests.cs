using Dealix.Orchestrations.Deals.Connectors;
using Dealix.Orchestrations.Deals.Connectors.Contracts;
using Dealix.Orchestrations.Deals.Connectors.Ports;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Moq;

namespace Dealix.Orchestrations.Tests.Deals.Connectors;

/// <summary>
/// The §8.1 connector actions of a deal on the virtual clock: book_meeting, sync_crm and the meeting reminder are each an
/// approval first, executed only once approved, only through a connected connector, and only as far as its mode and the
/// live flag allow; a payment reported paid proposes pilot_active for a person to confirm.
/// </summary>
public sealed class DealConnectorActionTests
{
    private static readonly DateTime MeetingAt = DealHarness.SundayMorning.UtcDateTime.AddDays(2).AddHours(1); // Tuesday 10:00 AST

    [Fact]
    public async Task MeetingScheduled_CalendarApprovedExecute_BooksTheEventOnceAfterApproval_ThenRemindsAnHourBefore()
    {
        await using DealConnectorHarness deal = await DealConnectorHarness.StartAsync();
        await deal.ConnectAsync("google_calendar", approvedExecute: true);
        await deal.ConnectAsync("whatsapp_cloud");
        await deal.StartDealAsync("can I get a demo?");
        Assert.Equal(DealStage.Qualified, (await deal.StatusAsync()).Stage);
        Assert.Empty(deal.Pending(DealConnectorActions.SyncCrm)); // the CRM is not connected: nothing is proposed

        await deal.StageEventAsync(DealTriggers.MeetingScheduled, MeetingAt);
        Assert.Equal(DealStage.MeetingBooked, (await deal.StatusAsync()).Stage);
        ReplyDraft booking = Assert.Single(deal.Pending(DealConnectorActions.BookMeeting));
        Assert.Equal((DraftKind.ConnectorAction, "google_calendar", "corr-meeting_scheduled"), (booking.Kind, booking.To, booking.CorrelationId));
        deal.Gateway.Verify(g => g.InsertCalendarEventAsync(It.IsAny<CalendarEventRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Empty(deal.Pending(DealConnectorActions.MeetingReminder)); // the reminder waits for its hour

        await deal.DecideAsync(booking, DraftDecisionKind.Approved);
        string eventId = booking.DraftId[2..];
        Assert.Equal(new ConnectorActionResult("executed", null, eventId), await deal.ResultAsync(booking));
        deal.Gateway.Verify(g => g.InsertCalendarEventAsync(It.Is<CalendarEventRequest>(r => r.TenantId == DealConnectorHarness.Tenant
            && r.EventId == eventId && r.Start == MeetingAt && r.End == MeetingAt.AddMinutes(20) && r.ReminderMinutes == 60), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Contains(deal.Stores.Ledger, e => e.Action == "book_meeting" && e.Outcome == "connector_action_executed" && e.ActionClass == "B" && e.Actor == "op-1");
        await DealConnectorHistoriesTests.RecordIfAskedAsync(deal.Host, DealKeys.ApprovalInstanceId(DealConnectorHarness.Tenant, booking.DraftId),
            "deal-connector-action.book-meeting-executed.json");

        await deal.Host.AdvanceTimeAsync(MeetingAt.AddHours(-1) - deal.Host.Now.UtcDateTime);
        await deal.SettleAsync();
        ReplyDraft reminder = Assert.Single(deal.Pending(DealConnectorActions.MeetingReminder));
        Assert.Equal((DraftKind.FollowUp, DealHarness.Phone), (reminder.Kind, reminder.To));
        Assert.Contains("بتوقيت الرياض", reminder.Text, StringComparison.Ordinal);
        Assert.Empty(deal.Queued);
        await deal.DecideAsync(reminder, DraftDecisionKind.Approved);
        OutboundMessage queued = Assert.Single(deal.Queued);
        Assert.Equal((reminder.DraftId, DealConnectorHarness.DealId), (queued.DraftId, queued.DealInstanceId));
    }

    [Fact]
    public async Task NoConnectorConnected_StageChangesProposeNothing_AndCallNoProvider()
    {
        await using DealConnectorHarness deal = await DealConnectorHarness.StartAsync();
        await deal.StartDealAsync("can I get a demo?");
        await deal.StageEventAsync(DealTriggers.MeetingScheduled, MeetingAt);
        await deal.Host.AdvanceTimeAsync(MeetingAt - deal.Host.Now.UtcDateTime);
        await deal.SettleAsync();

        Assert.Equal(DealStage.MeetingBooked, (await deal.StatusAsync()).Stage);
        Assert.DoesNotContain(deal.Stores.Drafts, d => d.Kind == DraftKind.ConnectorAction || d.Category == DealConnectorActions.MeetingReminder);
        Assert.DoesNotContain(deal.Stores.Ledger, e => e.Action is DealConnectorActions.BookMeeting or DealConnectorActions.SyncCrm);
        deal.Gateway.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task CalendarDraftOnly_ApprovedBookingIsNotExecuted_AndBecomesAManualTask()
    {
        await using DealConnectorHarness deal = await DealConnectorHarness.StartAsync();
        await deal.ConnectAsync("google_calendar"); // connected_draft_only: connecting never enables insert (§6.5)
        await deal.StartDealAsync("can I get a demo?");
        await deal.StageEventAsync(DealTriggers.MeetingScheduled, MeetingAt);
        ReplyDraft booking = Assert.Single(deal.Pending(DealConnectorActions.BookMeeting));

        await deal.DecideAsync(booking, DraftDecisionKind.Approved);

        Assert.Equal(new ConnectorActionResult("not_executed", "never_enabled_by_connecting"), await deal.ResultAsync(booking));
        deal.Gateway.Verify(g => g.InsertCalendarEventAsync(It.IsAny<CalendarEventRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Contains(deal.Tasks, t => t.Kind == DealConnectorActions.BookMeeting && t.OwnerRole == "operator" && t.Details!["approval_id"] == booking.DraftId);
        Assert.Contains(deal.Stores.Ledger, e => e.Action == "book_meeting" && e.Outcome == "connector_action_not_executed");
    }

    [Fact]
    public async Task SyncCrm_LiveFlagOff_ApprovedWriteIsNotExecuted()
    {
        await using DealConnectorHarness deal = await DealConnectorHarness.StartAsync(liveExecute: false);
        await deal.ConnectAsync("crm_generic", approvedExecute: true);
        await deal.StartDealAsync("can I get a demo?");
        ReplyDraft sync = Assert.Single(deal.Pending(DealConnectorActions.SyncCrm));

        await deal.DecideAsync(sync, DraftDecisionKind.Approved);

        Assert.Equal(new ConnectorActionResult("not_executed", "live_flag_off"), await deal.ResultAsync(sync));
        deal.Gateway.Verify(g => g.UpsertCrmDealAsync(It.IsAny<CrmDealUpsert>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SyncCrm_ApprovedUpsertsTheDealStage_RejectedWritesNothing_UndecidedEscalatesThenExpires()
    {
        await using DealConnectorHarness deal = await DealConnectorHarness.StartAsync();
        await deal.ConnectAsync("crm_generic", approvedExecute: true);
        await deal.StartDealAsync("can I get a demo?");
        ReplyDraft qualified = Assert.Single(deal.Pending(DealConnectorActions.SyncCrm));
        Assert.Contains("stage qualified", qualified.Text, StringComparison.Ordinal);
        await deal.DecideAsync(qualified, DraftDecisionKind.Approved);
        deal.Gateway.Verify(g => g.UpsertCrmDealAsync(It.Is<CrmDealUpsert>(u => u.DealixDealId == DealConnectorHarness.DealId && u.Stage == "qualified"),
            It.IsAny<CancellationToken>()), Times.Once);

        await deal.StageEventAsync(DealTriggers.MeetingScheduled, MeetingAt); // meeting_booked has no sync_crm in §8.1
        Assert.Empty(deal.Pending(DealConnectorActions.SyncCrm));
        await deal.StageEventAsync(DealTriggers.MeetingCompleted);
        ReplyDraft done = Assert.Single(deal.Pending(DealConnectorActions.SyncCrm));
        await deal.DecideAsync(done, DraftDecisionKind.Rejected);
        Assert.Equal("rejected", (await deal.ResultAsync(done))!.Outcome);

        await deal.StageEventAsync(DealTriggers.ProposalSent);
        ReplyDraft proposal = Assert.Single(deal.Pending(DealConnectorActions.SyncCrm));
        await deal.Host.AdvanceTimeAsync(TimeSpan.FromHours(73));
        await deal.SettleAsync();
        Assert.Equal("expired", (await deal.ResultAsync(proposal))!.Outcome);
        await DealConnectorHistoriesTests.RecordIfAskedAsync(deal.Host, DealKeys.ApprovalInstanceId(DealConnectorHarness.Tenant, proposal.DraftId),
            "deal-connector-action.sync-crm-expired.json");
        Assert.Equal(DraftStatus.Expired, deal.Stores.Drafts.Single(d => d.DraftId == proposal.DraftId).Status);
        Assert.Contains(deal.Alerts, a => a.Kind == "approval_reminder" && a.OwnerRole == "team_lead" && a.IdempotencyKey.Contains(proposal.DraftId, StringComparison.Ordinal));
        Assert.Contains(deal.Alerts, a => a.Kind == "approval_escalation" && a.OwnerRole == "founder" && a.IdempotencyKey.Contains(proposal.DraftId, StringComparison.Ordinal));
        deal.Gateway.Verify(g => g.UpsertCrmDealAsync(It.IsAny<CrmDealUpsert>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PaymentReceived_InPaymentRequested_ProposesPilotActive_ApprovalMovesTheDeal_RedeliveryProposesNothing()
    {
        await using DealConnectorHarness deal = await DealConnectorHarness.StartAsync();
        await deal.StartDealAsync("can I get a demo?");
        var early = new PaymentReceived("pay-0", "evt-0", "payment_paid", 115000, "SAR", null, deal.Host.Now.UtcDateTime, "corr-pay-0");
        await deal.PaymentAsync(early); // not expecting a payment yet: recorded, nothing proposed
        Assert.Empty(deal.Pending("payment_received"));
        Assert.Contains(deal.Stores.Ledger, e => e.Action == "payment_received" && e.Outcome == "recorded");

        await deal.StageEventAsync(DealTriggers.MeetingScheduled, MeetingAt);
        await deal.StageEventAsync(DealTriggers.MeetingCompleted);
        await deal.StageEventAsync(DealTriggers.ProposalSent);
        await deal.StageEventAsync(DealTriggers.TermsAgreed);
        Assert.Equal(DealStage.PaymentRequested, (await deal.StatusAsync()).Stage);

        var paid = new PaymentReceived("pay-1", "evt-1", "payment_paid", 115000, "SAR", "inv-1", deal.Host.Now.UtcDateTime, "corr-pay-1");
        await deal.PaymentAsync(paid);
        await deal.PaymentAsync(paid with { EventId = "evt-1-again" });
        ReplyDraft confirm = Assert.Single(deal.Pending("payment_received"));
        Assert.Equal((DealStage.PilotActive, "corr-pay-1"), (confirm.ProposedStage, confirm.CorrelationId));
        Assert.Equal(DealStage.PaymentRequested, (await deal.StatusAsync()).Stage); // automation never moves it alone

        await deal.DecideAsync(confirm, DraftDecisionKind.Approved, reviewer: "founder");
        Assert.Equal(DealStage.PilotActive, (await deal.StatusAsync()).Stage);
        Assert.Contains(deal.Stores.Ledger, e => e.Action == "stage_transition" && e.To == "pilot_active" && e.ApprovalId == confirm.DraftId && e.Actor == "founder");
        Assert.NotNull(await deal.Host.Client.GetInstanceAsync(global::Dealix.Orchestrations.Onboarding.Rules.OnboardingKeys.InstanceId(DealConnectorHarness.Tenant, DealHarness.ContactId)));
    }

    [Theory]
    [InlineData(DealStage.MeetingBooked, true, new[] { "book_meeting", "meeting_reminder" })]
    [InlineData(DealStage.MeetingBooked, false, new string[0])]
    [InlineData(DealStage.Qualified, true, new[] { "sync_crm" })]
    [InlineData(DealStage.Negotiating, false, new string[0])]
    [InlineData(DealStage.OptedOut, false, new[] { "sync_crm" })]
    public void ForStage_FollowsTheStageTable(DealStage stage, bool meetingKnown, string[] expected)
    {
        Assert.Equal(expected, DealConnectorActions.ForStage(stage, meetingKnown ? MeetingAt : null));
    }

    [Fact]
    public void DraftId_IsAValidApprovalKey_AndTheEventIdIsBase32Hex()
    {
        string id = DealConnectorActions.DraftId(DealConnectorHarness.DealId, DealConnectorActions.BookMeeting, DealStage.MeetingBooked, MeetingAt);
        Assert.True(DealKeys.IsValidKey(id));
        Assert.Equal(id, DealConnectorActions.DraftId(DealConnectorHarness.DealId, DealConnectorActions.BookMeeting, DealStage.MeetingBooked, MeetingAt));
        Assert.NotEqual(id, DealConnectorActions.DraftId(DealConnectorHarness.DealId, DealConnectorActions.SyncCrm, DealStage.MeetingBooked, MeetingAt));
        Assert.NotEqual(DealConnectorActions.DraftId(DealConnectorHarness.DealId, DealConnectorActions.SyncCrm, DealStage.Qualified, MeetingAt),
            DealConnectorActions.DraftId(DealConnectorHarness.DealId, DealConnectorActions.SyncCrm, DealStage.MeetingDone, MeetingAt));
        Assert.All(DealConnectorActions.CalendarEventId(id), c => Assert.True(c is >= '0' and <= '9' or >= 'a' and <= 'v'));
    }
}
