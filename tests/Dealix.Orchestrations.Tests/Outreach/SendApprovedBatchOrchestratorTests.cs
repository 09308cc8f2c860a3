using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Outreach;
using Dealix.Orchestrations.Outreach.Contracts;

namespace Dealix.Orchestrations.Tests.Outreach;

public class SendApprovedBatchOrchestratorTests
{
    /// <summary>Sunday 2026-11-22 09:15 AST.</summary>
    private static readonly DateTimeOffset SundayBatch = new(2026, 11, 22, 6, 15, 0, TimeSpan.Zero);

    /// <summary>Friday 2026-11-27 10:00 AST.</summary>
    private static readonly DateTimeOffset FridayMorning = new(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);

    private static async Task<SendBatchResult> RunBatchAsync(OutreachHarness h, int limit = 50)
    {
        string id = await h.Host.Client.ScheduleNewOrchestrationInstanceAsync(
            SendApprovedBatchOrchestrator.Name, new OutreachRunInput(OutreachHarness.Tenant, "corr-batch", "test", limit));
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(1)); // the pacing timers
        return (await h.Host.GetOutputAsync<SendBatchResult>(id))!;
    }

    [Fact]
    public async Task SendBatch_FansOutPerChannel_PacesEachWithinItsRateLimit()
    {
        await using OutreachHarness h = await OutreachHarness.StartAsync(SundayBatch);
        for (int i = 0; i < 4; i++)
        {
            await h.AddApprovedAsync($"w{i}", MessageChannel.WhatsApp, DraftKind.FollowUp);
        }

        for (int i = 0; i < 5; i++)
        {
            await h.AddApprovedAsync($"e{i}", MessageChannel.Email);
        }

        await h.AddApprovedAsync("l0", MessageChannel.LinkedIn);

        SendBatchResult result = await RunBatchAsync(h);

        Assert.Equal(9, result.Sent.Count);
        Assert.Equal(["l0"], result.ManualRequired);
        Assert.Empty(result.Skipped);
        DateTime[] whatsApp = [.. h.Sender.Sends.Where(s => s.Channel == MessageChannel.WhatsApp).Select(s => s.At).Order()];
        DateTime[] email = [.. h.Sender.Sends.Where(s => s.Channel == MessageChannel.Email).Select(s => s.At).Order()];
        Assert.All(whatsApp.Zip(whatsApp.Skip(1)), p => Assert.True(p.Second - p.First >= TimeSpan.FromSeconds(6), "≤ 10 WhatsApp a minute, ≥ 3 s apart"));
        Assert.All(email.Zip(email.Skip(1)), p => Assert.True(p.Second - p.First >= TimeSpan.FromSeconds(2), "≤ 30 e-mails a minute"));

        // Fanned out: both channels started at the batch's start, not one after the other.
        Assert.Equal(SundayBatch.UtcDateTime, whatsApp[0]);
        Assert.Equal(SundayBatch.UtcDateTime, email[0]);
    }

    [Fact]
    public async Task SendBatch_Friday_HoldsFirstTouchesButSendsReplies()
    {
        await using OutreachHarness h = await OutreachHarness.StartAsync(FridayMorning);
        await h.AddApprovedAsync("first", MessageChannel.Email);
        await h.AddApprovedAsync("reply", MessageChannel.Email, DraftKind.Reply);

        SendBatchResult result = await RunBatchAsync(h);

        Assert.Equal(["reply"], result.Sent);
        Assert.Equal([new SkippedItem("first", "outside_send_window")], result.Skipped);
        Assert.Equal(DraftStatus.Approved, (await h.Stores.GetAsync(OutreachHarness.Tenant, "first"))!.Status);
    }

    [Fact]
    public async Task SendBatch_EmailDailyCap_StopsAtOneHundredADay()
    {
        await using OutreachHarness h = await OutreachHarness.StartAsync(SundayBatch);
        for (int i = 0; i < 99; i++)
        {
            await h.Outreach.RecordAsync(OutreachHarness.Tenant, MessageChannel.Email, new DateOnly(2026, 11, 22), $"earlier{i}");
        }

        for (int i = 0; i < 3; i++)
        {
            await h.AddApprovedAsync($"e{i}", MessageChannel.Email);
        }

        SendBatchResult result = await RunBatchAsync(h);

        Assert.Single(result.Sent);
        Assert.Equal(["daily_limit", "daily_limit"], result.Skipped.Select(s => s.Reason));
        Assert.Equal(100, await h.Outreach.CountAsync(OutreachHarness.Tenant, MessageChannel.Email, new DateOnly(2026, 11, 22)));
    }

    [Fact]
    public async Task SendBatch_KillSwitchOn_SendsNothing()
    {
        await using OutreachHarness h = await OutreachHarness.StartAsync(SundayBatch);
        await h.AddApprovedAsync("e0", MessageChannel.Email);
        h.Paused = true;

        SendBatchResult result = await RunBatchAsync(h);

        Assert.Equal(OutreachStatus.SkippedPaused, result.Status);
        Assert.Empty(h.Sender.Sends);
    }

    [Fact]
    public async Task SendBatch_Limit_TakesTheOldestApprovedFirst()
    {
        await using OutreachHarness h = await OutreachHarness.StartAsync(SundayBatch);
        await h.AddApprovedAsync("older", MessageChannel.Email);
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        await h.AddApprovedAsync("newer", MessageChannel.Email);

        SendBatchResult result = await RunBatchAsync(h, limit: 1);

        Assert.Equal(["older"], result.Sent);
    }
}
