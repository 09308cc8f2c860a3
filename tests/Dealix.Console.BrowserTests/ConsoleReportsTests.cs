using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dealix.Console.BrowserTests;

/// <summary>
/// The digests and packs page (issue 13 item 3, over issue 16's reports): an operator builds today's pre-shift briefing
/// from the page and reads it, with the tenant's pending draft in its queue; the page's titles follow the language;
/// another tenant's briefing, built the same way, never shows the first tenant's draft.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class ConsoleReportsTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task PreShiftBriefing_BuiltFromThePage_ShowsTheTenantsPendingDraft_InArabicToo_AndNeverAnotherTenants()
    {
        string draftId = (await fixture.DraftAsync(fixture.AlphaTenant, await fixture.InboundAsync(ConsoleFixture.AlphaPhone, "966510000031", "كم السعر؟")))
            .GetProperty("approval_id").GetString()!;
        JsonElement kinds = await JsonAsync("/api/v1/reports", ConsoleFixture.AlphaKey);
        JsonElement briefing = kinds.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "pre-shift-briefing");

        IPage page = await fixture.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(page, ConsoleFixture.AlphaKey);
        await page.Locator("#nav a[data-page=reports]").ClickAsync();
        ILocator section = page.Locator("section[data-kind='pre-shift-briefing']");
        await Expect(section.Locator("h2")).ToHaveTextAsync(briefing.GetProperty("title").GetString()!);
        await section.Locator("[data-run='pre-shift-briefing']").ClickAsync();
        ILocator view = page.Locator("#report-view");
        await Expect(view).ToContainTextAsync(draftId, new() { Timeout = 90_000 });
        await Expect(view.Locator("dt", new() { HasText = "approval queue" })).ToHaveCountAsync(1);
        await Expect(section.Locator(".periods a")).Not.ToHaveCountAsync(0);
        await ConsoleFixture.ScreenshotAsync(page, "reports");

        // Arabic: the kind's Arabic title, right to left.
        await page.Locator("#lang").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("section[data-kind='pre-shift-briefing'] h2")).ToHaveTextAsync(briefing.GetProperty("title_ar").GetString()!);
        await ConsoleFixture.ScreenshotAsync(page, "reports-ar");
        await page.Context.CloseAsync();

        // Another tenant builds its own briefing: the first tenant's draft is not in it.
        IPage beta = await fixture.OpenConsoleAsync();
        await ConsoleFixture.SignInAsync(beta, ConsoleFixture.BetaKey);
        await beta.Locator("#nav a[data-page=reports]").ClickAsync();
        await beta.Locator("[data-run='pre-shift-briefing']").ClickAsync();
        ILocator betaView = beta.Locator("#report-view");
        await Expect(betaView.Locator("dt", new() { HasText = "approval queue" })).ToHaveCountAsync(1, new() { Timeout = 90_000 });
        await Expect(betaView).Not.ToContainTextAsync(draftId);
        await beta.Context.CloseAsync();
    }

    private async Task<JsonElement> JsonAsync(string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-functions-key", key);
        using HttpResponseMessage response = await fixture.App.Client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
