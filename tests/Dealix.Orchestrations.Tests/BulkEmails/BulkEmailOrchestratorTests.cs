using Dealix.Orchestrations.BulkEmails;
using Dealix.Orchestrations.BulkEmails.Activities;
using Dealix.Orchestrations.BulkEmails.Contracts;
using Dealix.Orchestrations.BulkEmails.Rules;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Notifications;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Dealix.Orchestrations.Tests.BulkEmails;

/// <summary>The bulk e-mail workflow on the virtual clock (§17.5, §10.6, I1).</summary>
public class BulkEmailOrchestratorTests
{
    private const string Tenant = BulkEmailHarness.Tenant;

    /// <summary>Friday 2026-12-04 10:00 AST: no first touches on Fridays.</summary>
    private static readonly DateTimeOffset FridayMorning = new(2026, 12, 4, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Bulk_NothingBeforeApproval_ThenEachRecipientOnce_PacedWithinTheEmailRateLimit()
    {
        await using BulkEmailHarness h = await BulkEmailHarness.StartAsync();
        await h.AddProspectsAsync(3);
        string bulkId = await h.RequestAsync(["p0", "p1", "p2"]);

        // The approval waits in the approval center as a loop_action; nothing is sent, no recipient draft exists.
        ReplyDraft approval = Assert.Single(h.Stores.Drafts);
        Assert.Equal((BulkEmailRules.ApprovalId(bulkId), DraftKind.LoopAction, "bulk_email", DraftStatus.PendingApproval, "founder"),
            (approval.DraftId, approval.Kind, approval.Category, approval.Status, approval.AssignedOperator));
        Assert.Equal(BulkEmailHarness.SundayMorning.UtcDateTime.AddHours(72), approval.ExpiresAt);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(1));
        Assert.Empty(h.Sender.Sends);
        Assert.Equal(BulkEmailStatus.PendingApproval, h.Bulks[Tenant, bulkId].Status);

        await h.DecideAsync(bulkId, approve: true);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(3, h.Sender.Sends.Count);
        Assert.Equal(3, h.Sender.Sends.Select(s => s.DraftId).Distinct().Count());
        DateTime[] at = [.. h.Sender.Sends.Select(s => s.At).Order()];
        Assert.All(at.Zip(at.Skip(1)), p => Assert.True(p.Second - p.First >= TimeSpan.FromSeconds(2), "≤ 30 e-mails a minute"));
        IReadOnlyList<BulkRecipient> rows = await h.Bulks.ListRecipientsAsync(Tenant, bulkId);
        Assert.All(rows, r => Assert.Equal((BulkRecipient.Sent, BulkEmailRules.RecipientDraftId(Tenant, bulkId, r.ProspectId)), (r.Status, r.DraftId)));
        BulkEmail done = h.Bulks[Tenant, bulkId];
        Assert.Equal((BulkEmailStatus.Completed, "founder-1"), (done.Status, done.DecidedBy));

        // Each recipient's own draft: approved by the bulk's approver, the approved text, the e-mail of its prospect.
        ReplyDraft first = (await h.Stores.GetAsync(Tenant, BulkEmailRules.RecipientDraftId(Tenant, bulkId, "p0")))!;
        Assert.Equal((DraftKind.FirstTouch, "bulk_email", "founder-1", BulkEmailHarness.Subject, BulkEmailHarness.Body, "p0@company-p0.sa", DraftStatus.Sent),
            (first.Kind, first.Category, first.Reviewer, first.Subject, first.Text, first.To, first.Status));
        Assert.Equal(3, await h.Outreach.CountAsync(Tenant, MessageChannel.Email, new DateOnly(2026, 12, 6)));
        Assert.Contains(h.Stores.Ledger, e => e.Action == "bulk_email" && e.Actor == "founder-1" && e.Outcome == "applied");
        Assert.Contains(h.Stores.Ledger, e => e.Action == "bulk_email_completed" && e.Reason == "sent 3");
        Assert.NotNull((await h.Outreach.GetAsync(Tenant, "p0"))!.LastContactedAt);
    }

    [Fact]
    public async Task Bulk_Rejected_SendsNothingAndClosesEveryRecipient()
    {
        await using BulkEmailHarness h = await BulkEmailHarness.StartAsync();
        await h.AddProspectsAsync(2);
        string bulkId = await h.RequestAsync(["p0", "p1"]);

        await h.DecideAsync(bulkId, approve: false);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromDays(3));

        Assert.Empty(h.Sender.Sends);
        Assert.Single(h.Stores.Drafts); // the approval only: no recipient draft was ever created
        Assert.Equal(BulkEmailStatus.Rejected, h.Bulks[Tenant, bulkId].Status);
        Assert.All(await h.Bulks.ListRecipientsAsync(Tenant, bulkId), r => Assert.Equal((BulkRecipient.Skipped, "bulk_rejected"), (r.Status, r.Reason)));
        Assert.Equal(BulkEmailStatus.Rejected, await h.Host.GetOutputAsync<string>(BulkEmailRules.InstanceId(Tenant, bulkId)));
    }

    [Fact]
    public async Task Bulk_NeverDecided_ExpiresAfter72HoursAfterRemindingTheTeamLeadAndFounder()
    {
        await using BulkEmailHarness h = await BulkEmailHarness.StartAsync();
        await h.AddProspectsAsync(1);
        string bulkId = await h.RequestAsync(["p0"]);

        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(73));

        Assert.Empty(h.Sender.Sends);
        Assert.Equal(BulkEmailStatus.Expired, h.Bulks[Tenant, bulkId].Status);
        Assert.Equal(DraftStatus.Expired, (await h.Stores.GetAsync(Tenant, BulkEmailRules.ApprovalId(bulkId)))!.Status);
        Assert.Equal([("team_lead", OperatorAlertKinds.ApprovalReminder), ("founder", OperatorAlertKinds.ApprovalEscalation)],
            h.Alerts.Select(a => (a.OwnerRole, a.Kind)));
    }

    [Fact]
    public async Task Bulk_ApprovedOnFriday_WaitsForSundayNineAmAst()
    {
        await using BulkEmailHarness h = await BulkEmailHarness.StartAsync(FridayMorning);
        await h.AddProspectsAsync(2);
        string bulkId = await h.RequestAsync(["p0", "p1"]);
        await h.DecideAsync(bulkId, approve: true);

        DateTime sundayNine = new(2026, 12, 6, 6, 0, 0, DateTimeKind.Utc);
        BulkEmail waiting = h.Bulks[Tenant, bulkId];
        Assert.Equal((BulkEmailStatus.WaitingForSendWindow, sundayNine), (waiting.Status, waiting.NextSendAt));
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(40));
        Assert.Empty(h.Sender.Sends);

        await h.Host.AdvanceTimeAsync(sundayNine.AddMinutes(1) - h.Host.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(2, h.Sender.Sends.Count);
        Assert.All(h.Sender.Sends, s => Assert.True(s.At >= sundayNine));
        Assert.Equal(BulkEmailStatus.Completed, h.Bulks[Tenant, bulkId].Status);
    }

    [Fact]
    public async Task Bulk_OptOutAfterTheRequest_IsSkippedAtSendTime()
    {
        await using BulkEmailHarness h = await BulkEmailHarness.StartAsync();
        await h.AddProspectsAsync(2);
        string bulkId = await h.RequestAsync(["p0", "p1"]);
        await h.Stores.AddAsync(new SuppressionRecord(Tenant, MessageChannel.Email, "p1@company-p1.sa", "unsubscribe", h.Host.Clock.GetUtcNow().UtcDateTime, "m1", "c-optout"));

        await h.DecideAsync(bulkId, approve: true);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        Assert.Equal([BulkEmailRules.RecipientDraftId(Tenant, bulkId, "p0")], h.Sender.Sends.Select(s => s.DraftId));
        BulkRecipient skipped = (await h.Bulks.GetRecipientAsync(Tenant, bulkId, "p1"))!;
        Assert.Equal((BulkRecipient.Skipped, "opted_out"), (skipped.Status, skipped.Reason));
        Assert.Null(await h.Stores.GetAsync(Tenant, BulkEmailRules.RecipientDraftId(Tenant, bulkId, "p1")));
    }

    [Fact]
    public async Task Bulk_DailyCap_SendsUpToOneHundredThenResumesTheNextBusinessMorning()
    {
        await using BulkEmailHarness h = await BulkEmailHarness.StartAsync();
        for (int i = 0; i < 98; i++)
        {
            await h.Outreach.RecordAsync(Tenant, MessageChannel.Email, new DateOnly(2026, 12, 6), $"earlier{i}");
        }

        await h.AddProspectsAsync(3);
        string bulkId = await h.RequestAsync(["p0", "p1", "p2"]);
        await h.DecideAsync(bulkId, approve: true);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(2, h.Sender.Sends.Count);
        DateTime mondayNine = new(2026, 12, 7, 6, 0, 0, DateTimeKind.Utc);
        Assert.Equal((BulkEmailStatus.DailyLimitReached, mondayNine), (h.Bulks[Tenant, bulkId].Status, h.Bulks[Tenant, bulkId].NextSendAt));

        await h.Host.AdvanceTimeAsync(mondayNine.AddMinutes(1) - h.Host.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(3, h.Sender.Sends.Count);
        Assert.Equal(mondayNine, h.Sender.Sends.Last().At);
        Assert.Equal(BulkEmailStatus.Completed, h.Bulks[Tenant, bulkId].Status);
    }

    [Fact]
    public async Task Bulk_KillSwitchWhileSending_HoldsTheRestUntilResume()
    {
        await using BulkEmailHarness h = await BulkEmailHarness.StartAsync();
        await h.AddProspectsAsync(3);
        string bulkId = await h.RequestAsync(["p0", "p1", "p2"]);
        await h.DecideAsync(bulkId, approve: true); // the first goes out; the next waits for its 2 s spacing
        Assert.Single(h.Sender.Sends);

        h.Paused = true;
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(2));
        Assert.Single(h.Sender.Sends);
        Assert.Equal(BulkEmailStatus.Paused, h.Bulks[Tenant, bulkId].Status);
        Assert.Equal(["p1", "p2"], await h.Bulks.ListQueuedAsync(Tenant, bulkId, 10));
        Assert.Null(await h.Stores.GetAsync(Tenant, BulkEmailRules.RecipientDraftId(Tenant, bulkId, "p1"))); // held before its draft existed

        h.Paused = false;
        await h.Host.AdvanceTimeAsync(BulkEmailOrchestrator.PausedRetry + TimeSpan.FromMinutes(1));
        Assert.Equal(3, h.Sender.Sends.Count);
        Assert.Equal(BulkEmailStatus.Completed, h.Bulks[Tenant, bulkId].Status);
    }

    [Fact]
    public async Task Bulk_ApprovedWhilePaused_WaitsForResumeBeforeAnySend()
    {
        await using BulkEmailHarness h = await BulkEmailHarness.StartAsync();
        await h.AddProspectsAsync(1);
        string bulkId = await h.RequestAsync(["p0"]);
        h.Paused = true;
        await h.DecideAsync(bulkId, approve: true);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(3));
        Assert.Empty(h.Sender.Sends);

        h.Paused = false;
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(1)); // the approval looks again every hour (§17.8: approved items wait)
        Assert.Single(h.Sender.Sends);
        Assert.Equal(BulkEmailStatus.Completed, h.Bulks[Tenant, bulkId].Status);
    }

    [Fact]
    public async Task SendBulkRecipient_RedeliveredOrRetriedAfterACrash_SendsEachRecipientOnce()
    {
        await using BulkEmailHarness h = await BulkEmailHarness.StartAsync();
        await h.AddProspectsAsync(1);
        string bulkId = await h.RequestAsync(["p0"]);
        SendBulkRecipient activity = ActivatorUtilities.CreateInstance<SendBulkRecipient>(h.Host.Services);
        var input = new BulkRecipientSend(Tenant, bulkId, "p0", "corr-bulk", "founder-1");

        Assert.Equal(BulkRecipient.Sent, await activity.RunAsync(Mock.Of<TaskActivityContext>(), input));
        Assert.Equal(BulkRecipient.Sent, await activity.RunAsync(Mock.Of<TaskActivityContext>(), input)); // redelivered: answered from the row

        // A crash after the provider call, before the row was written: the draft is sent, the row still queued.
        await h.Bulks.SetRecipientAsync(new BulkRecipient(Tenant, bulkId, "p0", BulkRecipient.Queued));
        Assert.Equal(BulkRecipient.Sent, await activity.RunAsync(Mock.Of<TaskActivityContext>(), input));

        Assert.Single(h.Sender.Sends);
        Assert.Equal(1, await h.Outreach.CountAsync(Tenant, MessageChannel.Email, new DateOnly(2026, 12, 6)));
    }

    [Fact]
    public async Task Bulk_ManyRecipients_ContinuesAsNewPerChunkAndKeepsPacing()
    {
        await using BulkEmailHarness h = await BulkEmailHarness.StartAsync();
        int count = ListBulkRecipients.ChunkSize * 2 + 5;
        await h.AddProspectsAsync(count);
        string bulkId = await h.RequestAsync([.. Enumerable.Range(0, count).Select(i => $"p{i}")]);
        await h.DecideAsync(bulkId, approve: true);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(count, h.Sender.Sends.Select(s => s.DraftId).Distinct().Count());
        DateTime[] at = [.. h.Sender.Sends.Select(s => s.At).Order()];
        Assert.All(at.Zip(at.Skip(1)), p => Assert.True(p.Second - p.First >= TimeSpan.FromSeconds(2), "the pacing spans generations"));
        OrchestrationMetadata instance = await h.Host.GetInstanceAsync(BulkEmailRules.InstanceId(Tenant, bulkId));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
    }
}
