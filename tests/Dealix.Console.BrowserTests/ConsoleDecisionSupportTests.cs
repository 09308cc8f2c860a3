using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Functions.OperatorConsole;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Ports;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dealix.Console.BrowserTests;

/// <summary>
/// The console's second round (issue 13): decision support on the approval card (the thread, the compliance verdict,
/// a similar past decision), operator feedback recorded with an edit-then-approve and read back through the API, the
/// deal timeline, the per-tenant kill switch, a human task claimed and completed, and a dead letter listed, redriven
/// and deleted — in Chromium against the real app.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class ConsoleDecisionSupportTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task DecisionSupport_ShowsThreadComplianceAndASimilarRejection_FeedbackOnAnEditIsRecorded_AndTheDealHasATimeline()
    {
        // An earlier ask_price draft of the tenant, rejected for its tone: the similar past decision.
        string earlier = (await fixture.DraftAsync(fixture.AlphaTenant, await fixture.InboundAsync(ConsoleFixture.AlphaPhone, "966510000021", "كم السعر؟")))
            .GetProperty("approval_id").GetString()!;
        using (HttpResponseMessage rejected = await SendAsync(HttpMethod.Post, $"/api/v1/approval-center/{earlier}/reject", ConsoleFixture.AlphaKey,
            """{"reviewer":"alpha","reason_code":"tone"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        }

        const string Asked = "السلام عليكم، كم سعر الباقة الشهرية؟";
        string contact = "966510000022";
        JsonElement draft = await fixture.DraftAsync(fixture.AlphaTenant, await fixture.InboundAsync(ConsoleFixture.AlphaPhone, contact, Asked));
        string id = draft.GetProperty("approval_id").GetString()!;
        string original = draft.GetProperty("text").GetString()!;
        JsonElement context = await JsonAsync(HttpMethod.Get, $"/api/v1/approval-center/{id}/context", ConsoleFixture.AlphaKey);
        string verdict = context.GetProperty("compliance").GetProperty("verdict").GetString()!;
        Assert.Contains(verdict, new[] { "allowed", "warn" });
        Assert.Equal("ask_price", context.GetProperty("intent").GetProperty("category").GetString());

        IPage page = await fixture.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(page, ConsoleFixture.AlphaKey);
        ILocator card = page.Locator($"article[data-approval-id='{id}']");
        ILocator support = card.Locator($"[data-support='{id}']");
        await Expect(support.Locator(".thread li.inbound")).ToContainTextAsync(Asked);
        await Expect(support.Locator($"[data-compliance='{verdict}']")).ToContainTextAsync($"Compliance: {verdict}");
        await Expect(support.Locator($"[data-similar-id='{earlier}']")).ToContainTextAsync("Rejected. tone");
        await Expect(support.Locator("[data-risk]")).ToContainTextAsync("Risk:");
        await Expect(support.Locator("[data-sla-status]")).ToContainTextAsync("SLA: pending");

        // Feedback with an edit-then-approve: rubric, exemplar and the correction (with the text it corrects).
        await card.Locator("details.feedback summary").ClickAsync();
        await card.Locator("[data-rubric=factuality]").SelectOptionAsync("4");
        await card.Locator("[data-rubric=tone]").SelectOptionAsync("5");
        await card.Locator("[data-feedback=exemplar]").CheckAsync();
        await ConsoleFixture.ScreenshotAsync(page, "approvals-decision-support");
        await card.Locator("[data-act=edit]").ClickAsync();
        const string Edited = "أهلًا، الباقة الشهرية تبدأ من ٩٩٩ ريال. Edited with feedback.";
        await card.Locator("textarea").FillAsync(Edited);
        await card.Locator("[data-act=approve-edited]").ClickAsync();
        await Expect(page.Locator("#approvals-status")).ToHaveTextAsync("Approved.");

        JsonElement feedback = Assert.Single((await JsonAsync(HttpMethod.Get, $"/api/v1/approval-center/{id}/feedback", ConsoleFixture.AlphaKey))
            .GetProperty("items").EnumerateArray());
        Assert.Equal(("alpha", "edit_and_approve", true), (feedback.GetProperty("reviewer").GetString(), feedback.GetProperty("decision").GetString(),
            feedback.GetProperty("exemplar").GetBoolean()));
        Assert.Equal((4, 5), (feedback.GetProperty("rubric").GetProperty("factuality").GetInt32(), feedback.GetProperty("rubric").GetProperty("tone").GetInt32()));
        Assert.Equal(JsonValueKind.Null, feedback.GetProperty("rubric").GetProperty("helpfulness").ValueKind);
        Assert.Equal((original, Edited), (feedback.GetProperty("original_text").GetString(), feedback.GetProperty("correction").GetString()));
        IReadOnlyList<AuditEntry> ledger = await fixture.App.Services.GetRequiredService<IAuditLedger>().ListAsync(fixture.AlphaTenant);
        AuditEntry line = Assert.Single(ledger, e => e.Action == "draft_feedback" && e.ApprovalId == id);
        Assert.Equal("alpha", line.Actor);
        Assert.DoesNotContain("Edited", JsonSerializer.Serialize(line), StringComparison.Ordinal); // no message text on the ledger

        // Bad feedback is refused and stores nothing; another tenant's key gets 403.
        foreach (string bad in new[] { """{"rubric":{"tone":6}}""", """{"rubric":{"speed":3}}""", "{}", """{"decision":"reject","rubric":{"tone":2}}""", """{"exemplar":"yes"}""" })
        {
            using HttpResponseMessage refused = await SendAsync(HttpMethod.Post, $"/api/v1/approval-center/{id}/feedback", ConsoleFixture.AlphaKey, bad);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{bad}: {(int)refused.StatusCode}");
        }

        using (HttpResponseMessage other = await SendAsync(HttpMethod.Get, $"/api/v1/approval-center/{id}/context?tenant={fixture.AlphaTenant}", ConsoleFixture.BetaKey, null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }

        Assert.Single((await JsonAsync(HttpMethod.Get, $"/api/v1/approval-center/{id}/feedback", ConsoleFixture.AlphaKey)).GetProperty("items").EnumerateArray());

        // The deal's timeline: the contact's message, the edited draft and what was sent.
        string dealId = DealKeys.DealInstanceId(fixture.AlphaTenant, DealKeys.ContactId(fixture.AlphaTenant, MessageChannel.WhatsApp, contact));
        await Eventually.MatchAsync(() => Task.FromResult(fixture.Graph.Requests.Count(r => r.Body.Contains($"\"to\":\"{contact}\"", StringComparison.Ordinal))),
            n => n == 1, $"the send to {contact}", ConsoleFixture.Bound);
        await page.Locator("#nav a[data-page=deals]").ClickAsync();
        await page.Locator($"#deals li[data-deal-id='{dealId}'] [data-act=timeline]").ClickAsync();
        await Expect(page.Locator("#deal-timeline li[data-type=message_in]")).ToContainTextAsync(Asked);
        await Expect(page.Locator("#deal-timeline li[data-type=draft]")).ToContainTextAsync("ask_price");
        await Expect(page.Locator("#deal-timeline li[data-type=message_out]")).ToContainTextAsync(Edited);
        await ConsoleFixture.ScreenshotAsync(page, "deal-timeline");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TenantKillSwitch_AdminPausesOneTenantOnly_BehindAConfirmation_WithItsLedgerLines()
    {
        IKillSwitch killSwitch = fixture.App.Services.GetRequiredService<IKillSwitch>();
        IPage page = await fixture.OpenConsoleAsync();
        try
        {
            await ConsoleFixture.SignInAsync(page, ConsoleFixture.AdminKey);
            await page.Locator("#tenant").FillAsync(fixture.BetaTenant);
            await page.Locator("#tenant").DispatchEventAsync("change");
            await page.Locator("#nav a[data-page=kill-switch]").ClickAsync();
            await Expect(page.Locator("#tenant-kill-state")).ToHaveAttributeAsync("data-paused", "false");

            await page.Locator("#tenant-kill-toggle").ClickAsync();
            await Expect(page.Locator("#confirm-text")).ToContainTextAsync(fixture.BetaTenant);
            await page.Locator("#confirm button[value=cancel]").ClickAsync();
            Assert.False(await killSwitch.IsPausedAsync(fixture.BetaTenant));

            await page.Locator("#tenant-kill-toggle").ClickAsync();
            await page.Locator("#confirm-ok").ClickAsync();
            await Expect(page.Locator("#tenant-kill-state")).ToHaveAttributeAsync("data-paused", "true");
            await Expect(page.Locator("#kill-ledger tr[data-action=kill_switch_tenant_pause]")).ToContainTextAsync("boss");
            Assert.True(await killSwitch.IsPausedAsync(fixture.BetaTenant));
            Assert.False(await killSwitch.IsPausedAsync(fixture.AlphaTenant));
            Assert.False(await killSwitch.IsPausedAsync());
            await ConsoleFixture.ScreenshotAsync(page, "kill-switch-tenant");

            // The tenant's own key reads its state but may not lift it (§17.8: the founder pauses and resumes).
            JsonElement own = await JsonAsync(HttpMethod.Get, "/api/v1/console/kill-switch", ConsoleFixture.BetaKey);
            Assert.True(own.GetProperty("paused").GetBoolean());
            using (HttpResponseMessage refused = await SendAsync(HttpMethod.Post, $"/api/v1/admin/kill-switch/tenant/resume?tenant={fixture.BetaTenant}", ConsoleFixture.BetaKey, null))
            {
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            }

            Assert.True(await killSwitch.IsPausedAsync(fixture.BetaTenant));

            await page.Locator("#tenant-kill-toggle").ClickAsync();
            await page.Locator("#confirm-ok").ClickAsync();
            await Expect(page.Locator("#tenant-kill-state")).ToHaveAttributeAsync("data-paused", "false");
            await Expect(page.Locator("#kill-ledger tr[data-action=kill_switch_tenant_resume]")).ToContainTextAsync("boss");
            Assert.False(await killSwitch.IsPausedAsync(fixture.BetaTenant));
        }
        finally
        {
            await fixture.App.Services.GetRequiredService<ITenantFreeze>().SetAsync(
                new FreezeTenantInput(fixture.BetaTenant, ConsoleKillSwitchApi.Hold, false, "test", "cleanup"));
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Tasks_ClaimThenComplete_InTheConsole()
    {
        string taskId = $"console:{fixture.AlphaTenant}:review-" + Guid.NewGuid().ToString("N")[..6];
        await fixture.App.Services.GetRequiredService<IHumanTaskStore>().CreateAsync(HumanTask.From(new HumanTaskRequest(
            taskId, fixture.AlphaTenant, "deal", "review", "Review the proposal", "operator", $"console:{taskId}", DateTimeOffset.UtcNow.AddHours(8)), DateTimeOffset.UtcNow));

        IPage page = await fixture.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(page, ConsoleFixture.AlphaKey);
        await page.Locator("#nav a[data-page=tasks]").ClickAsync();
        ILocator row = page.Locator($"#tasks tr[data-task-id='{taskId}']");
        await Expect(row).ToContainTextAsync("open");
        await row.Locator("[data-act=claim]").ClickAsync();
        await Expect(row).ToContainTextAsync("claimed");
        await Expect(row).ToContainTextAsync("alpha");
        await row.Locator("[data-act=complete]").First.ClickAsync();
        await Expect(row).ToHaveCountAsync(0);

        HumanTask done = (await fixture.App.Services.GetRequiredService<IHumanTaskStore>().GetAsync(fixture.AlphaTenant, taskId))!;
        Assert.Equal("completed", done.Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DeadLetters_AQuarantinedMessageIsListed_Redriven_AndDeleted()
    {
        // A message no engine wrote, on the hub's control queue: the engine quarantines it as a dead letter.
        const string Foreign = "{\"console-test\":\"not an engine message\"}";
        var queue = new QueueClient(fixture.Azurite.ConnectionString, $"{fixture.HubName.ToLowerInvariant()}-control-00");
        await queue.SendMessageAsync(Foreign);
        string first = await LetterAsync(null);

        IPage page = await fixture.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(page, TestApp.MasterKey);
        await page.Locator("#nav a[data-page=dead-letters]").ClickAsync();
        ILocator row = page.Locator($"#dead-letters tr[data-letter-id='{first}']");
        await Expect(row).ToContainTextAsync("ForeignMessage");
        await ConsoleFixture.ScreenshotAsync(page, "dead-letters");

        // Redriven: back in its queue (the letter is gone); still foreign there, so the engine quarantines it again.
        await row.Locator("[data-act=redrive]").ClickAsync();
        await page.Locator("#confirm-ok").ClickAsync();
        await Expect(page.Locator("#dl-message")).ToHaveTextAsync("Redriven.");
        await Expect(row).ToHaveCountAsync(0);
        string again = await LetterAsync(first);

        await page.Locator("#page .toolbar button").ClickAsync();
        ILocator second = page.Locator($"#dead-letters tr[data-letter-id='{again}']");
        await second.Locator("[data-act=delete]").ClickAsync();
        await page.Locator("#confirm-ok").ClickAsync();
        await Expect(page.Locator("#dl-message")).ToHaveTextAsync("Deleted.");
        await Expect(second).ToHaveCountAsync(0);
        JsonElement letters = await JsonAsync(HttpMethod.Get, $"/runtime/webhooks/durabletask/deadletters?showBody=true", TestApp.MasterKey);
        Assert.DoesNotContain(letters.EnumerateArray(), l => l.GetProperty("body").GetString() == Foreign);
        await page.Context.CloseAsync();

        async Task<string> LetterAsync(string? not) => (await Eventually.MatchAsync(
            async () => (await JsonAsync(HttpMethod.Get, "/runtime/webhooks/durabletask/deadletters?showBody=true", TestApp.MasterKey)).EnumerateArray()
                .FirstOrDefault(l => l.GetProperty("body").GetString() == Foreign && l.GetProperty("id").GetString() != not),
            l => l.ValueKind == JsonValueKind.Object, "the foreign message's dead letter", ConsoleFixture.Bound)).GetProperty("id").GetString()!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, string? body)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", key);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await fixture.App.Client.SendAsync(request);
    }

    private async Task<JsonElement> JsonAsync(HttpMethod method, string path, string key)
    {
        using HttpResponseMessage response = await SendAsync(method, path, key, null);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
