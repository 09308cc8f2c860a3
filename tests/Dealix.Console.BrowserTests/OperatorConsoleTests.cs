using System.Net.Http.Json;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dealix.Console.BrowserTests;

/// <summary>
/// The operator console (issue 13) as an operator uses it, in Chromium against the real app: sign-in, the approval queue
/// from an inbound WhatsApp message to the send on the loopback provider (approve, edit-then-approve, reject with a
/// reason), tenant isolation, the kill switch, terminating a workflow instance and the Arabic right-to-left layout.
/// Each main page leaves a screenshot in TestResults/screenshots.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class OperatorConsoleTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task SignIn_UnknownOrUnscopedKeyIsRefused_TenantKeyOpensItsQueue()
    {
        IPage page = await fixture.OpenConsoleAsync();
        await ConsoleFixture.ScreenshotAsync(page, "sign-in");

        await ConsoleFixture.SignInAsync(page, "not-a-key");
        await Expect(page.Locator("#signin-error")).ToHaveTextAsync("This key was not accepted.");
        await ConsoleFixture.SignInAsync(page, TestApp.HostKey); // a valid key of the host, but bound to no tenant
        await Expect(page.Locator("#signin-error")).ToHaveTextAsync("This key is not an operator key.");
        await Expect(page.Locator("#nav")).ToBeHiddenAsync();

        await ConsoleFixture.SignInAsync(page, ConsoleFixture.AlphaKey);
        await Expect(page.Locator("#who")).ToHaveTextAsync($"alpha · {fixture.AlphaTenant}");
        await Expect(page.Locator("#page h1")).ToHaveTextAsync("Approval queue");
        // A tenant key sees neither the admin pages nor the management API's.
        await Expect(page.Locator("#nav a[data-page=kill-switch]")).ToBeHiddenAsync();
        await Expect(page.Locator("#nav a[data-page=workflows]")).ToBeHiddenAsync();

        // The other pages of the tenant open on its data (empty here) and are screenshotted.
        foreach ((string name, string title, string table) in new[] { ("tasks", "Human tasks", "#tasks"), ("tickets", "Support tickets", "#tickets"),
            ("incidents", "Incidents", "#incidents") })
        {
            await page.Locator($"#nav a[data-page={name}]").ClickAsync();
            await Expect(page.Locator("#page h1")).ToHaveTextAsync(title);
            await Expect(page.Locator($"{table} tbody td").First).ToBeVisibleAsync();
            await Expect(page.Locator($"{table} .error")).ToHaveCountAsync(0);
            await ConsoleFixture.ScreenshotAsync(page, name);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ApproveFlow_InboundWhatsApp_ApprovedWithTheKeyboard_IsSentOnceToTheProvider()
    {
        string contact = "966510000001";
        string correlationId = await fixture.InboundAsync(ConsoleFixture.AlphaPhone, contact, "السلام عليكم، كم السعر؟");
        JsonElement draft = await fixture.DraftAsync(fixture.AlphaTenant, correlationId);
        string id = draft.GetProperty("approval_id").GetString()!;

        IPage page = await fixture.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(page, ConsoleFixture.AlphaKey);
        ILocator card = page.Locator($"article[data-approval-id='{id}']");
        await Expect(card).ToContainTextAsync("Why flagged: ask_price");
        await Expect(card.Locator(".sla")).ToContainTextAsync("SLA");
        await Expect(card.Locator("textarea")).ToHaveValueAsync(draft.GetProperty("text").GetString()!);
        await ConsoleFixture.ScreenshotAsync(page, "approvals");

        // j/k move the selection to this draft; a approves it.
        int index = await page.Locator("article.item").EvaluateAllAsync<int>($"(all, id) => all.findIndex(a => a.dataset.approvalId === id)", id);
        await page.Keyboard.PressAsync("k");
        for (int i = 0; i < index; i++)
        {
            await page.Keyboard.PressAsync("j");
        }

        await Expect(card).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"));
        await page.Keyboard.PressAsync("a");
        await Expect(page.Locator("#approvals-status")).ToHaveTextAsync("Approved.");
        await Expect(card).ToHaveCountAsync(0);

        string sent = await SentToAsync(contact);
        using JsonDocument shape = JsonDocument.Parse(sent);
        Assert.Equal(draft.GetProperty("text").GetString(), shape.RootElement.GetProperty("text").GetProperty("body").GetString());
        JsonElement done = await fixture.DraftAsync(fixture.AlphaTenant, correlationId, "sent");
        Assert.Equal("alpha", done.GetProperty("reviewer").GetString());
        Assert.Single(fixture.Graph.Requests, r => r.Body.Contains(contact, StringComparison.Ordinal));

        // The deal is on the pipeline page under its stage.
        string dealId = DealKeys.DealInstanceId(fixture.AlphaTenant, DealKeys.ContactId(fixture.AlphaTenant, MessageChannel.WhatsApp, contact));
        await page.Locator("#nav a[data-page=deals]").ClickAsync();
        await Expect(page.Locator($"#deals section li[data-deal-id='{dealId}']")).ToBeVisibleAsync();
        await ConsoleFixture.ScreenshotAsync(page, "deals");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EditThenApprove_SendsTheEditedText()
    {
        string contact = "966510000002";
        string correlationId = await fixture.InboundAsync(ConsoleFixture.AlphaPhone, contact, "كم السعر؟");
        string id = (await fixture.DraftAsync(fixture.AlphaTenant, correlationId)).GetProperty("approval_id").GetString()!;

        IPage page = await fixture.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(page, ConsoleFixture.AlphaKey);
        ILocator card = page.Locator($"article[data-approval-id='{id}']");
        await card.Locator("[data-act=edit]").ClickAsync();
        const string Edited = "مرحبًا، الأسعار تبدأ من ٩٩٩ ريال شهريًا. Edited in the console.";
        await card.Locator("textarea").FillAsync(Edited);
        await card.Locator("[data-act=approve-edited]").ClickAsync();
        await Expect(page.Locator("#approvals-status")).ToHaveTextAsync("Approved.");

        using JsonDocument shape = JsonDocument.Parse(await SentToAsync(contact));
        Assert.Equal(Edited, shape.RootElement.GetProperty("text").GetProperty("body").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reject_WithAReasonCode_IsRecordedAndNothingIsSent()
    {
        string contact = "966510000003";
        string correlationId = await fixture.InboundAsync(ConsoleFixture.AlphaPhone, contact, "كم السعر؟");
        string id = (await fixture.DraftAsync(fixture.AlphaTenant, correlationId)).GetProperty("approval_id").GetString()!;

        IPage page = await fixture.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(page, ConsoleFixture.AlphaKey);
        ILocator card = page.Locator($"article[data-approval-id='{id}']");
        await card.Locator("[data-act=reject]").ClickAsync();
        await Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        await page.Locator("#reject-reason").SelectOptionAsync("tone");
        await ConsoleFixture.ScreenshotAsync(page, "reject-dialog");
        await page.Locator("#confirm-ok").ClickAsync();
        await Expect(page.Locator("#approvals-status")).ToHaveTextAsync("Rejected.");
        await Expect(card).ToHaveCountAsync(0);

        JsonElement rejected = await fixture.DraftAsync(fixture.AlphaTenant, correlationId, "rejected");
        Assert.Equal(("alpha", "tone"), (rejected.GetProperty("reviewer").GetString(), rejected.GetProperty("decision_reason").GetString()));
        Assert.DoesNotContain(fixture.Graph.Requests, r => r.Body.Contains(contact, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OtherTenantsDraft_IsNeverShown_EvenWhenTheTabAsksForThatTenant()
    {
        string alphaCorrelation = await fixture.InboundAsync(ConsoleFixture.AlphaPhone, "966510000004", "كم السعر؟");
        string betaCorrelation = await fixture.InboundAsync(ConsoleFixture.BetaPhone, "966590000004", "كم السعر؟");
        string alphaId = (await fixture.DraftAsync(fixture.AlphaTenant, alphaCorrelation)).GetProperty("approval_id").GetString()!;
        string betaId = (await fixture.DraftAsync(fixture.BetaTenant, betaCorrelation)).GetProperty("approval_id").GetString()!;

        IPage page = await fixture.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(page, ConsoleFixture.AlphaKey);
        await Expect(page.Locator($"article[data-approval-id='{alphaId}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"article[data-approval-id='{betaId}']")).ToHaveCountAsync(0);

        // The page never asks for another tenant with a tenant key; a request that does (as a tampered tab could) is 403.
        await page.EvaluateAsync($"() => sessionStorage.setItem('dealix.tenant', '{fixture.BetaTenant}')");
        await page.ReloadAsync();
        await Expect(page.Locator($"article[data-approval-id='{alphaId}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"article[data-approval-id='{betaId}']")).ToHaveCountAsync(0);
        int status = await page.EvaluateAsync<int>(
            "async ([key, tenant]) => (await fetch('/api/v1/approval-center', { headers: { 'x-functions-key': key, 'X-Tenant-Id': tenant } })).status",
            new[] { ConsoleFixture.AlphaKey, fixture.BetaTenant });
        Assert.Equal(403, status);
        Assert.DoesNotContain(betaId, await page.ContentAsync(), StringComparison.Ordinal);

        // The other tenant's own operator sees it.
        IPage beta = await fixture.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(beta, ConsoleFixture.BetaKey);
        await Expect(beta.Locator($"article[data-approval-id='{betaId}']")).ToHaveCountAsync(1);
        await Expect(beta.Locator($"article[data-approval-id='{alphaId}']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
        await beta.Context.CloseAsync();
    }

    [Fact]
    public async Task KillSwitch_AdminPausesAndResumesBehindAConfirmation()
    {
        IKillSwitch killSwitch = fixture.App.Services.GetRequiredService<IKillSwitch>();
        IPage page = await fixture.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(page, ConsoleFixture.AdminKey);
        await page.Locator("#nav a[data-page=kill-switch]").ClickAsync();
        await Expect(page.Locator("#kill-state")).ToHaveAttributeAsync("data-paused", "false");

        // Cancelling the confirmation changes nothing.
        await page.Locator("#kill-toggle").ClickAsync();
        await page.Locator("#confirm button[value=cancel]").ClickAsync();
        Assert.False(await killSwitch.IsPausedAsync());

        await page.Locator("#kill-toggle").ClickAsync();
        await page.Locator("#confirm-ok").ClickAsync();
        await Expect(page.Locator("#kill-state")).ToHaveAttributeAsync("data-paused", "true");
        Assert.True(await killSwitch.IsPausedAsync());
        await ConsoleFixture.ScreenshotAsync(page, "kill-switch");

        await page.Locator("#kill-toggle").ClickAsync();
        await page.Locator("#confirm-ok").ClickAsync();
        await Expect(page.Locator("#kill-state")).ToHaveAttributeAsync("data-paused", "false");
        Assert.False(await killSwitch.IsPausedAsync());
        IReadOnlyList<AuditEntry> ledger = await fixture.App.Services.GetRequiredService<IAuditLedger>().ListAsync("global");
        Assert.Contains(ledger, e => e.Action == "kill_switch_pause" && e.Actor == "boss");
        Assert.Contains(ledger, e => e.Action == "kill_switch_resume" && e.Actor == "boss");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Workflows_FindADealInstanceByPrefix_AndTerminateIt()
    {
        string contact = "966510000005";
        string correlationId = await fixture.InboundAsync(ConsoleFixture.AlphaPhone, contact, "كم السعر؟");
        await fixture.DraftAsync(fixture.AlphaTenant, correlationId);
        string dealId = DealKeys.DealInstanceId(fixture.AlphaTenant, DealKeys.ContactId(fixture.AlphaTenant, MessageChannel.WhatsApp, contact));

        IPage page = await fixture.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(page, TestApp.MasterKey);
        await page.Locator("#nav a[data-page=workflows]").ClickAsync();
        await page.Locator("#wf-prefix").FillAsync(dealId);
        await page.Locator("#wf-filters button[type=submit]").ClickAsync();
        ILocator row = page.Locator($"#instances tr[data-instance-id='{dealId}']");
        await Expect(row).ToContainTextAsync("Running");
        await ConsoleFixture.ScreenshotAsync(page, "workflows");

        await row.Locator("a").ClickAsync();
        await Expect(page.Locator("#wf-history li").First).ToBeVisibleAsync();
        await ConsoleFixture.ScreenshotAsync(page, "workflow-instance");
        await page.Locator("[data-act=terminate]").ClickAsync();
        await page.Locator("#confirm-ok").ClickAsync();
        await Expect(page.Locator("#wf-status-tag")).ToHaveTextAsync("Terminated", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/runtime/webhooks/durabletask/instances/{dealId}?code={TestApp.SystemKey}");
        JsonElement status = await (await fixture.App.Client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Terminated", status.GetProperty("runtimeStatus").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Arabic_IsRightToLeft_WithTheNavigationMirrored_AndFitsAPhone()
    {
        IPage page = await fixture.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(page, ConsoleFixture.AlphaKey);
        await Expect(page.Locator("#page h1")).ToHaveTextAsync("Approval queue");
        LocatorBoundingBoxResult ltrNav = (await page.Locator("#nav").BoundingBoxAsync())!;
        LocatorBoundingBoxResult ltrMain = (await page.Locator("#main").BoundingBoxAsync())!;
        Assert.True(ltrNav.X < ltrMain.X, "In English the navigation is on the left.");

        await page.Locator("#lang").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("#page h1")).ToHaveTextAsync("قائمة الموافقات");
        LocatorBoundingBoxResult rtlNav = (await page.Locator("#nav").BoundingBoxAsync())!;
        LocatorBoundingBoxResult rtlMain = (await page.Locator("#main").BoundingBoxAsync())!;
        Assert.True(rtlNav.X > rtlMain.X, "In Arabic the navigation is mirrored to the right.");
        await ConsoleFixture.ScreenshotAsync(page, "approvals-ar");

        // The choice survives a reload; on a phone the page does not scroll sideways.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("#page h1")).ToHaveTextAsync("قائمة الموافقات");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "No sideways scrolling at phone width.");
        await ConsoleFixture.ScreenshotAsync(page, "approvals-ar-phone");
        await page.Context.CloseAsync();
    }

    private async Task<string> SentToAsync(string contact)
    {
        await Eventually.MatchAsync(() => Task.FromResult(fixture.Graph.Requests.Count(r => r.Body.Contains($"\"to\":\"{contact}\"", StringComparison.Ordinal))),
            n => n >= 1, $"the provider to receive the message to {contact}", ConsoleFixture.Bound);
        return fixture.Graph.Requests.Single(r => r.Body.Contains($"\"to\":\"{contact}\"", StringComparison.Ordinal)).Body;
    }
}
