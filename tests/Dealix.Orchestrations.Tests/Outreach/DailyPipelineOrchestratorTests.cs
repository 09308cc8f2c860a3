using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Outreach;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Rules;
using Microsoft.DurableTask.Client;

namespace Dealix.Orchestrations.Tests.Outreach;

public class DailyPipelineOrchestratorTests
{
    private static OutreachRunInput Run(string correlationId = "corr-run") => new(OutreachHarness.Tenant, correlationId, "test");

    [Fact]
    public async Task DailyPipeline_SixtyProspects_DraftsTheTopFiftyForApprovalAndSendsNothing()
    {
        await using OutreachHarness h = await OutreachHarness.StartAsync();
        var prospects = Enumerable.Range(0, 60).Select(i => OutreachHarness.Prospect($"p{i:00}", OutreachRules.Sectors[i % 9], fit: i % 25)).ToList();
        prospects[0] = prospects[0] with { SectorFit = 25, CompanyName = "Instant Results Co" };            // every generation breaks §3.3
        prospects[1] = prospects[1] with { SectorFit = 25, Email = "owner@gmail.com" };                    // personal address: LinkedIn by hand
        prospects[2] = prospects[2] with { SectorFit = 25, SourceFlaggedScrapedOrPurchased = true };       // high risk: never targeted
        prospects[3] = prospects[3] with { SectorFit = 25, UsesHubSpot = true };
        await h.Outreach.UpsertAsync(OutreachHarness.Tenant, prospects);

        string id = await h.Host.Client.ScheduleNewOrchestrationInstanceAsync(DailyPipelineOrchestrator.Name, Run());
        DailyPipelineResult result = (await h.Host.GetOutputAsync<DailyPipelineResult>(id))!;

        Assert.Equal((OutreachStatus.Completed, 60, 50), (result.Status, result.Candidates, result.Selected));
        Assert.Equal(49, result.Drafted.Count);
        string blockedId = Assert.Single(result.BlockedByGate);
        ReplyDraft blocked = (await h.Stores.GetAsync(OutreachHarness.Tenant, blockedId))!;
        Assert.Equal(DraftStatus.BlockedByGate, blocked.Status);
        Assert.Contains("prohibited_claim:exaggerated_speed", blocked.DecisionReason, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Stores.Drafts, d => d.ContactId == DealKeys.ContactId(OutreachHarness.Tenant, MessageChannel.Email, prospects[2].Email!));

        foreach (string draftId in result.Drafted)
        {
            ReplyDraft draft = (await h.Stores.GetAsync(OutreachHarness.Tenant, draftId))!;
            Assert.Equal((DraftStatus.PendingApproval, DraftKind.FirstTouch, "corr-run"), (draft.Status, draft.Kind, draft.CorrelationId));
            OrchestrationMetadata approval = await h.Host.GetInstanceAsync(DealKeys.ApprovalInstanceId(OutreachHarness.Tenant, draftId));
            Assert.Equal(OrchestrationRuntimeStatus.Running, approval.RuntimeStatus);
            if (draft.Channel == MessageChannel.Email)
            {
                Assert.True(OutreachRules.WordCount(draft.Text) <= OutreachRules.MaxWords);
                Assert.True(OutreachRules.HasOptOutLine(draft.Text));
                Assert.Empty(ContentGate.ProhibitedClaims(draft.Text));
                Assert.True(draft.Subject!.Length <= OutreachRules.MaxSubjectLength);
            }
        }

        ReplyDraft linkedIn = Assert.Single(h.Stores.Drafts, d => d.Channel == MessageChannel.LinkedIn);
        Assert.Equal(DraftStatus.PendingApproval, linkedIn.Status);
        Assert.Contains(h.Stores.Drafts, d => d.Text.Contains("HubSpot", StringComparison.Ordinal));
        Assert.Empty(h.Sender.Sends);
        Assert.Contains(h.Stores.Ledger, e => e.Action == "daily_pipeline_run" && e.Outcome == OutreachStatus.Completed);
    }

    [Fact]
    public async Task DailyPipeline_SecondRunTheSameDay_DraftsNobodyTwice()
    {
        await using OutreachHarness h = await OutreachHarness.StartAsync();
        await h.Outreach.UpsertAsync(OutreachHarness.Tenant, [.. Enumerable.Range(0, 5).Select(i => OutreachHarness.Prospect($"p{i}"))]);

        DailyPipelineResult first = (await h.Host.GetOutputAsync<DailyPipelineResult>(
            await h.Host.Client.ScheduleNewOrchestrationInstanceAsync(DailyPipelineOrchestrator.Name, Run("corr-1"))))!;
        DailyPipelineResult second = (await h.Host.GetOutputAsync<DailyPipelineResult>(
            await h.Host.Client.ScheduleNewOrchestrationInstanceAsync(DailyPipelineOrchestrator.Name, Run("corr-2"))))!;

        Assert.Equal(5, first.Drafted.Count);
        Assert.Equal((0, 0), (second.Selected, second.Drafted.Count)); // contacted today: out for 90 days
        Assert.Equal(5, h.Stores.Drafts.Count);
    }

    [Fact]
    public async Task DailyPipeline_KillSwitchOn_SkipsBeforeTargeting()
    {
        await using OutreachHarness h = await OutreachHarness.StartAsync();
        await h.Outreach.UpsertAsync(OutreachHarness.Tenant, [OutreachHarness.Prospect("p1")]);
        h.Paused = true;

        DailyPipelineResult result = (await h.Host.GetOutputAsync<DailyPipelineResult>(
            await h.Host.Client.ScheduleNewOrchestrationInstanceAsync(DailyPipelineOrchestrator.Name, Run())))!;

        Assert.Equal(OutreachStatus.SkippedPaused, result.Status);
        Assert.Empty(h.Stores.Drafts);
        Assert.Null((await h.Outreach.GetAsync(OutreachHarness.Tenant, "p1"))!.LastContactedAt);
    }

    [Fact]
    public async Task DailyPipeline_ApprovedDraft_WaitsForTheBatchThenIsSentOnce()
    {
        await using OutreachHarness h = await OutreachHarness.StartAsync();
        await h.Outreach.UpsertAsync(OutreachHarness.Tenant, [OutreachHarness.Prospect("p1")]);
        DailyPipelineResult result = (await h.Host.GetOutputAsync<DailyPipelineResult>(
            await h.Host.Client.ScheduleNewOrchestrationInstanceAsync(DailyPipelineOrchestrator.Name, Run())))!;
        string draftId = Assert.Single(result.Drafted);

        await h.ApproveAsync(draftId);
        Assert.Equal(DraftStatus.Approved, (await h.Stores.GetAsync(OutreachHarness.Tenant, draftId))!.Status);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await h.Host.GetInstanceAsync(DealKeys.ApprovalInstanceId(OutreachHarness.Tenant, draftId))).RuntimeStatus);
        Assert.Empty(h.Sender.Sends); // the pipeline never sends

        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(2.75)); // Sunday 09:15 AST, the batch's first run
        string first = await h.Host.Client.ScheduleNewOrchestrationInstanceAsync(SendApprovedBatchOrchestrator.Name, new OutreachRunInput(OutreachHarness.Tenant, "corr-batch", "test"));
        string second = await h.Host.Client.ScheduleNewOrchestrationInstanceAsync(SendApprovedBatchOrchestrator.Name, new OutreachRunInput(OutreachHarness.Tenant, "corr-batch-2", "test"));
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        SendBatchResult batch = (await h.Host.GetOutputAsync<SendBatchResult>(first))!;
        SendBatchResult again = (await h.Host.GetOutputAsync<SendBatchResult>(second))!;

        Assert.Equal([draftId], [.. batch.Sent, .. again.Sent]); // two batches at once: the draft still goes once
        Assert.Single(h.Sender.Sends);
    }
}
