using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Functions.Infrastructure.Notifications;
using Dealix.Functions.Infrastructure.OperatorConsole;
using Dealix.Orchestrations.Content.Contracts;
using Dealix.Orchestrations.Content.Rules;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.EndToEndTests.Content;

/// <summary>
/// The content loop on real Kestrel and Azurite (§17.3): competitors' content recorded through its route (bad input
/// refused and nothing stored, the same URL twice stored once), the week's five posts suggested on request (twice: five
/// entries, five ledger lines, the content team told once), none repeating the competitor's title; the review routes
/// (approve = scheduled, never published; reject; an edit that fails the gate refused with 422 and nothing changed; an
/// edit that passes); another tenant's key 403; then the monthly competitive analysis built on request and read through
/// the reports route with its figures.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ContentFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string CopiedTitle = "الذكاء الاصطناعي عندنا يقترح، والقرار لك.";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly string _tenant = "ct" + Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;

    private string Key => $"e2e-content-key-{_tenant}";

    public async Task InitializeAsync() => _app = await TenantApps.StartAsync(azurite.Azurite, "Ct", _tenant, Key, "e2e-content-other-key");

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task WeeklyContent_SuggestedOnce_ReviewedThroughTheRoutes_AndTheMonthlyAnalysisCountsTheCompetitor()
    {
        DateTime astNow = DateTime.UtcNow.AddHours(3);
        string week = ContentWeeks.Key(DateOnly.FromDateTime(astNow)), month = astNow.ToString("yyyyMM", CultureInfo.InvariantCulture);
        DateTime lastMonth15 = new DateTime(astNow.Year, astNow.Month, 15, 8, 0, 0, DateTimeKind.Utc).AddMonths(-1);
        string published = lastMonth15.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        string item = $$"""{"competitor":"Rival","url":"https://rival.example/blog/ai-decides","title":"{{CopiedTitle}}","published_at":"{{published}}","topics":["ai","hr_tech"]}""";

        // Bad input: 400 and nothing stored.
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/marketing/competitor-content", item.Replace("https://", "ftp://", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/marketing/competitor-content", item.Replace(published, "2099-01-01T00:00:00Z", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/marketing/competitor-content", item.Replace("\"hr_tech\"", "\"HR Tech\"", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/marketing/competitor-content", "[1]")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Get, "/api/v1/marketing/competitor-content?month=2026-11")).StatusCode);
        string previousMonth = lastMonth15.ToString("yyyyMM", CultureInfo.InvariantCulture);
        Assert.Equal(0, (await ReadAsync($"/api/v1/marketing/competitor-content?month={previousMonth}")).GetProperty("items").GetArrayLength());

        // Recorded once per URL.
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Post, "/api/v1/marketing/competitor-content", item)).StatusCode);
        HttpResponseMessage again = await SendAsync(HttpMethod.Post, "/api/v1/marketing/competitor-content", item.Replace("Rival", "Renamed", StringComparison.Ordinal));
        Assert.Equal((HttpStatusCode.OK, false), (again.StatusCode, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetBoolean()));
        JsonElement stored = Assert.Single((await ReadAsync($"/api/v1/marketing/competitor-content?month={previousMonth}")).GetProperty("items").EnumerateArray());
        Assert.Equal("Rival", stored.GetProperty("competitor").GetString());

        // An inbound message of last month naming the competitor (the deal thread the inbox writes).
        await _app.Services.GetRequiredService<IDealThread>().RecordInboundAsync($"deal:{_tenant}:c1",
            new InboundMessage(_tenant, "c1", MessageChannel.WhatsApp, "wamid.ct1", "966500000001", "نستخدم rival حالياً، وش الفرق؟", lastMonth15, "c-seed"));

        // The week's posts, on request, twice: five drafts, five ledger lines, the team told once.
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/marketing/content-calendar/run?week=2026W60")).StatusCode);
        DurableTaskClient client = _app.Services.GetRequiredService<DurableTaskClient>();
        foreach (int run in new[] { 1, 2 })
        {
            HttpResponseMessage started = await SendAsync(HttpMethod.Post, $"/api/v1/marketing/content-calendar/run?week={week}");
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            string instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance_id").GetString()!;
            OrchestrationMetadata done = await Eventually.MatchAsync(() => client.GetInstanceAsync(instanceId, getInputsAndOutputs: true), i => i is { IsCompleted: true },
                $"content run {run}", Bound) ?? throw new InvalidOperationException();
            ContentRunResult result = done.ReadOutputAs<ContentRunResult>()!;
            Assert.Equal(("completed", run == 1 ? 5 : 0, run == 1 ? 0 : 5, 0), (result.Status, result.Stored, result.Existing, result.Blocked));
        }

        JsonElement[] entries = [.. (await ReadAsync($"/api/v1/marketing/content-calendar?week={week}")).GetProperty("entries").EnumerateArray()];
        Assert.Equal([.. Enumerable.Range(1, 5).Select(s => $"{week}-{s}")], entries.Select(e => e.GetProperty("entry_id").GetString()));
        Assert.All(entries, e => Assert.Equal(("draft", false), (e.GetProperty("status").GetString(), e.GetProperty("published").GetBoolean())));
        Assert.All(entries, e => Assert.True(ContentPostGate.Check(e.GetProperty("text").GetString(), [CopiedTitle]).Passed));
        Assert.Equal(ContentTopics.All, entries.Take(4).Select(e => e.GetProperty("topic").GetString()));
        IReadOnlyList<AuditEntry> ledger = await _app.Services.GetRequiredService<IAuditLedger>().ListAsync(_tenant);
        Assert.Equal(5, ledger.Count(e => e.Action == "schedule_social_draft"));
        Assert.Single((await _app.Services.GetRequiredService<OperatorAlertStore>().ListAsync(_tenant, 50)), a => a.Alert.Kind == "content_calendar");

        // Review: approve (scheduled, not published), reject, an edit the gate refuses, an edit that passes.
        string first = $"{week}-1", second = $"{week}-2", third = $"{week}-3";
        JsonElement approved = await ReadAsync($"/api/v1/marketing/content-calendar/{first}/approve", HttpMethod.Post, """{"reviewer":"mkt-1"}""");
        Assert.Equal(("scheduled", false, "mkt-1"), (Str(approved, "status"), approved.GetProperty("entry").GetProperty("published").GetBoolean(), Str(approved, "reviewed_by")));
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, $"/api/v1/marketing/content-calendar/{first}/approve", """{"reviewer":"mkt-1"}""")).StatusCode);
        Assert.Equal("rejected", Str(await ReadAsync($"/api/v1/marketing/content-calendar/{second}/reject", HttpMethod.Post, """{"reviewer":"mkt-1","reason":"off-brand"}"""), "status"));
        string before = entries[2].GetProperty("text").GetString()!;
        HttpResponseMessage refused = await SendAsync(HttpMethod.Put, $"/api/v1/marketing/content-calendar/{third}", """{"reviewer":"mkt-1","text":"نضمن لك نتائج فورية مع Dealix"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("prohibited_claim:guaranteed_results", (await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, (await ReadAsync($"/api/v1/marketing/content-calendar?week={week}")).GetProperty("entries")[2].GetProperty("text").GetString());
        JsonElement edited = await ReadAsync($"/api/v1/marketing/content-calendar/{third}", HttpMethod.Put, """{"reviewer":"mkt-1","text":"كل رسالة تمر على موافقتك (Approval-first).","top":true}""");
        Assert.Equal(("draft", "edited", true), (Str(edited, "status"), Str(edited, "template_id"), edited.GetProperty("entry").GetProperty("top").GetBoolean()));
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, $"/api/v1/marketing/content-calendar/{third}", """{"reviewer":"mkt-1"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/marketing/content-calendar/next-week/approve", """{"reviewer":"mkt-1"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, "/api/v1/marketing/content-calendar/2020W01-1/approve", """{"reviewer":"mkt-1"}""")).StatusCode);
        ledger = await _app.Services.GetRequiredService<IAuditLedger>().ListAsync(_tenant);
        Assert.Equal(["content_approved", "content_edited", "content_rejected"], ledger.Where(e => e.Action.StartsWith("content_", StringComparison.Ordinal)).Select(e => e.Action).Order());

        // Another tenant's key: 403, nothing read or changed.
        foreach ((HttpMethod method, string path, string? body) in new[]
        {
            (HttpMethod.Get, $"/api/v1/marketing/content-calendar?week={week}&tenant={_tenant}", (string?)null),
            (HttpMethod.Post, $"/api/v1/marketing/content-calendar/{third}/approve?tenant={_tenant}", """{"reviewer":"intruder"}"""),
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(method, path, body, "e2e-content-other-key")).StatusCode);
        }

        Assert.Equal("draft", (await ReadAsync($"/api/v1/marketing/content-calendar?week={week}")).GetProperty("entries")[2].GetProperty("status").GetString());

        // The monthly competitive analysis of this month's period (covering last month), on request.
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/reports/competitive-analysis/run?period=2026W49")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(HttpMethod.Post, $"/api/v1/reports/competitive-analysis/run?period={month}")).StatusCode);
        JsonElement report = await Eventually.MatchAsync(async () =>
            {
                HttpResponseMessage r = await SendAsync(HttpMethod.Get, $"/api/v1/reports/competitive-analysis?period={month}");
                return r.StatusCode == HttpStatusCode.OK ? await r.Content.ReadFromJsonAsync<JsonElement>() : default;
            }, r => r.ValueKind == JsonValueKind.Object, "the competitive analysis", Bound);
        JsonElement content = report.GetProperty("content");
        Assert.Equal((1, 1, 1, 1), (content.GetProperty("competitor_items").GetInt32(), content.GetProperty("items_by_competitor").GetProperty("Rival").GetInt32(),
            content.GetProperty("inbound_messages").GetInt32(), content.GetProperty("competitor_mentions").GetProperty("Rival").GetInt32()));
        Assert.Contains("hr_tech", content.GetProperty("topics_they_covered_we_did_not").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(("not measured", 0), (content.GetProperty("deals_lost_to_competitor").GetString(), content.GetProperty("deals_lost").GetInt32()));
    }

    private static string? Str(JsonElement response, string field) => response.GetProperty("entry").GetProperty(field).GetString();

    private async Task<JsonElement> ReadAsync(string path, HttpMethod? method = null, string? body = null)
    {
        HttpResponseMessage response = await SendAsync(method ?? HttpMethod.Get, path, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null, string? key = null) =>
        _app.SendAsync(method, path, key ?? Key, body);
}
