using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Functions.Infrastructure.Notifications;
using Dealix.Functions.Infrastructure.OperatorConsole;
using Dealix.Functions.Reports;
using Dealix.Functions.Scheduling;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Rules;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Ports;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.EndToEndTests.Reports;

/// <summary>
/// The reports on real Kestrel and Azurite: tickets and a draft seeded in the stores, the weekly support review started
/// by its timer (twice: one run) and read back through <c>GET /api/v1/reports/…</c> with the exact figures; the
/// operators told once; the executive weekly pack of the same week built on request and read through
/// <c>GET /api/v1/executive-room/weekly-pack</c>; the pre-shift briefing built on request; the Brain's weekly reflection built on request
/// from the same tickets plus operator feedback and a product-loop issue (refused while paused); bad kinds and periods refused with 400,
/// another tenant's key with 403.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportsFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly string _tenant = "rp" + Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;

    private string Key => $"e2e-reports-key-{_tenant}";

    public async Task InitializeAsync() =>
        _app = await TestApp.StartAsync(azurite.Azurite, TestApp.CreateScriptRoot("Rp" + Guid.NewGuid().ToString("N")[..10]), new Dictionary<string, string?>
        {
            ["Approvals:CallbackSigningKey"] = "e2e-callback-signing-key-0123456789abcdef",
            ["Approvals:PublicBaseUrl"] = "https://dealix.test",
            ["Deals:WarmUpClassifier"] = "false",
            ["Scheduling:Tenants"] = _tenant,
            [$"Operators:Keys:{_tenant}:Key"] = Key,
            [$"Operators:Keys:{_tenant}:Tenant"] = _tenant,
            ["Operators:Keys:other:Key"] = "e2e-reports-other-key",
            ["Operators:Keys:other:Tenant"] = "othertenant",
        });

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task WeeklySupportReview_SeededTickets_TimerBuildsItOnceAndTheApiReturnsIt()
    {
        // The review of the latest Sunday: its window is the seven days before it.
        ScheduledJob job = ScheduledJobCatalogue.Get("weekly-support-review");
        DateTime now = DateTime.UtcNow;
        string period = job.PeriodKey(job.LatestOccurrence(now)!.Value);
        ReportWindow window = ReportWindows.For(ReportKinds.Find(ReportKinds.WeeklySupportReview)!, period)!;
        DateTime day2 = window.Start.AddDays(2);
        await SeedTicketAsync("t-p0", TicketPriority.P0, day2, firstResponse: day2.AddMinutes(10), resolved: day2.AddHours(1), "تسريب");
        await SeedTicketAsync("t-p1", TicketPriority.P1, day2.AddHours(2), firstResponse: day2.AddHours(3), resolved: day2.AddHours(5), "down");
        await SeedTicketAsync("t-p3", TicketPriority.P3, day2.AddHours(4), firstResponse: null, resolved: null, "sync"); // unanswered: breached
        await SeedTicketAsync("t-old", TicketPriority.P2, window.Start.AddDays(-3), firstResponse: window.Start.AddDays(-3).AddHours(1), resolved: null, "sync");
        await SeedDraftAsync("d-pending", now.AddMinutes(30));

        HttpResponseMessage bad = await SendAsync(HttpMethod.Get, $"/api/v1/reports/weekly-support-review?period=20261206");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Get, "/api/v1/reports/monthly-horoscope")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/reports/daily-digest/run?period=yesterday")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/api/v1/reports/weekly-support-review")).StatusCode);

        // The timer ticks twice (a duplicate delivery): one run.
        var timers = new ReportTimers(_app.Services.GetRequiredService<ScheduledJobStarter>());
        DurableTaskClient client = _app.Services.GetRequiredService<DurableTaskClient>();
        await timers.WeeklySupportReviewAsync(new TimerInfo(), client, default);
        await timers.WeeklySupportReviewAsync(new TimerInfo(), client, default);

        JsonElement report = await ReadWhenStoredAsync($"/api/v1/reports/weekly-support-review?period={period}");
        JsonElement content = report.GetProperty("content");
        Assert.Equal((ReportKinds.WeeklySupportReview, _tenant, period), (Str(report, "header", "kind"), Str(report, "header", "tenant"), Str(report, "header", "period")));
        Assert.Equal("critical", report.GetProperty("severity").GetString());
        Assert.Equal("""{"P0":1,"P1":1,"P2":0,"P3":1}""", content.GetProperty("opened").GetRawText());
        Assert.Equal("""{"P0":0,"P1":0,"P2":0,"P3":1}""", content.GetProperty("breaches_by_priority").GetRawText());
        Assert.Equal("""{"met":2,"pending":0,"at_risk":0,"breached":1}""", content.GetProperty("first_response").GetRawText());
        Assert.Equal(("t-p3", true), (Str(content.GetProperty("breaches")[0], "ticket_id"), content.GetProperty("breaches")[0].GetProperty("open").GetBoolean()));
        Assert.Equal(("critical", 1.0 / 3), (content.GetProperty("verdict").GetString(), content.GetProperty("breach_rate").GetDouble()));
        Assert.Equal(35.0, content.GetProperty("median_first_response_minutes").GetDouble()); // 10 and 60 minutes
        Assert.Equal("""{"P0":0,"P1":0,"P2":1,"P3":1}""", content.GetProperty("open_now").GetRawText());
        Assert.Equal(period, Str(await ReadWhenStoredAsync("/api/v1/reports/weekly-support-review"), "header", "period")); // the latest

        JsonElement list = await (await SendAsync(HttpMethod.Get, "/api/v1/reports")).Content.ReadFromJsonAsync<JsonElement>();
        JsonElement kind = list.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == ReportKinds.WeeklySupportReview);
        Assert.Equal([period], kind.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("period").GetString()));

        // The team lead was told once, with the link to the report.
        OperatorAlertStore alerts = _app.Services.GetRequiredService<OperatorAlertStore>();
        var digests = (await alerts.ListAsync(_tenant, 50)).Where(a => a.Alert.Kind == "digest").ToList();
        StoredOperatorAlert told = Assert.Single(digests);
        Assert.Equal(("critical", "team_lead", $"https://dealix.test/api/v1/reports/weekly-support-review?period={period}&tenant={_tenant}"),
            (told.Alert.Severity, told.Alert.OwnerRole, told.Alert.Link));
        Assert.Contains("Verdict: critical", told.Alert.Body, StringComparison.Ordinal);

        // Another tenant's key: 403, nothing read.
        var foreign = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/weekly-support-review?tenant={_tenant}");
        foreign.Headers.Add("x-functions-key", "e2e-reports-other-key");
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Client.SendAsync(foreign)).StatusCode);

        // The executive weekly pack of the same week, on request, read through the Executive Room route (§16.3).
        HttpResponseMessage packRun = await SendAsync(HttpMethod.Post, $"/api/v1/reports/executive-weekly-pack/run?period={period}");
        Assert.Equal(HttpStatusCode.Accepted, packRun.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Get, "/api/v1/executive-room/weekly-pack?period=20261206")).StatusCode);
        JsonElement pack = await ReadWhenStoredAsync($"/api/v1/executive-room/weekly-pack?period={period}");
        JsonElement exec = pack.GetProperty("content");
        Assert.Equal((ReportKinds.ExecutiveWeeklyPack, "critical"), (Str(pack, "header", "kind"), pack.GetProperty("severity").GetString()));
        Assert.Equal(("red", "sla_critical"), (exec.GetProperty("rag").GetString(), exec.GetProperty("rag_reasons")[0].GetString()));
        JsonElement support = exec.GetProperty("support");
        Assert.Equal((3, 2, 1, "critical"), (support.GetProperty("opened").GetInt32(), support.GetProperty("resolved").GetInt32(),
            support.GetProperty("breached").GetInt32(), support.GetProperty("verdict").GetString()));
        JsonElement approvals = exec.GetProperty("approvals");
        Assert.Equal((1, 0, 0), (approvals.GetProperty("pending").GetInt32(), approvals.GetProperty("warning").GetInt32(), approvals.GetProperty("breach").GetInt32()));
        Assert.Equal(("not measured", "not measured"), (Str(exec, "deals", "revenue_sar"), exec.GetProperty("actual_vs_target").GetString()));
        Assert.Contains(exec.GetProperty("blockers").EnumerateArray(), b => b.GetProperty("code").GetString() == "breached_tickets");
        Assert.Equal(pack.GetRawText(), (await ReadWhenStoredAsync($"/api/v1/reports/executive-weekly-pack?period={period}")).GetRawText());
        StoredOperatorAlert founder = await Eventually.MatchAsync(
            async () => (await alerts.ListAsync(_tenant, 50)).FirstOrDefault(a => a.Alert.Kind == "digest" && a.Alert.OwnerRole == "founder"),
            a => a is not null, "the founder's executive pack alert", Bound) ?? throw new InvalidOperationException("no alert");
        Assert.Equal($"https://dealix.test/api/v1/reports/executive-weekly-pack?period={period}&tenant={_tenant}", founder.Alert.Link);

        // A deal's evidence pack (§16.2), read back with its hash re-checked; an altered copy reads as not verified.
        string canonical = $$"""{"deal_id":"deal:{{_tenant}}:c9","stage":"closed_won"}""";
        IEvidencePackStore packs = _app.Services.GetRequiredService<IEvidencePackStore>();
        await packs.SaveOnceAsync(new EvidencePack("ep-1", _tenant, $"deal:{_tenant}:c9", "c-seed", DateTime.UtcNow, canonical, EvidencePackBuilder.Hash(canonical)));
        await packs.SaveOnceAsync(new EvidencePack("ep-2", _tenant, $"deal:{_tenant}:c10", "c-seed", DateTime.UtcNow, canonical, EvidencePackBuilder.Hash(canonical + " ")));
        JsonElement evidence = await (await SendAsync(HttpMethod.Get, $"/api/v1/evidence-packs/{Uri.EscapeDataString($"deal:{_tenant}:c9")}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((EvidencePackBuilder.Hash(canonical), true, "closed_won"), (evidence.GetProperty("sha256").GetString(), evidence.GetProperty("verified").GetBoolean(), Str(evidence, "pack", "stage")));
        JsonElement altered = await (await SendAsync(HttpMethod.Get, $"/api/v1/evidence-packs/{Uri.EscapeDataString($"deal:{_tenant}:c10")}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(altered.GetProperty("verified").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"/api/v1/evidence-packs/{Uri.EscapeDataString($"deal:{_tenant}:none")}")).StatusCode);

        // On request: the pre-shift briefing of today, with the pending draft due within the hour.
        HttpResponseMessage started = await SendAsync(HttpMethod.Post, "/api/v1/reports/pre-shift-briefing/run");
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        string url = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("report_url").GetString()!;
        JsonElement briefing = (await ReadWhenStoredAsync(url)).GetProperty("content");
        Assert.Equal(("d-pending", "due_1h"), (Str(briefing.GetProperty("approval_queue")[0], "draft_id"), Str(briefing.GetProperty("approval_queue")[0], "urgency")));

        // The Brain's weekly reflection (§17.10) of the same week, on request: the tickets above, an operator's feedback
        // (§4.7) and a P0 issue the product loop opened, read from the stores; while the kill switch is on it is refused.
        await _app.Services.GetRequiredService<TableDraftFeedback>().SaveAsync(new DraftFeedback(_tenant, "d-pending", "op-1", "interested", "reply", "approve",
            4, 4, 3, 5, true, null, null, null, null, window.Start.AddDays(1), "c-seed"));
        await _app.Services.GetRequiredService<IHumanTaskStore>().CreateAsync(HumanTask.From(new HumanTaskRequest($"product:{_tenant}:seed:incident-i1", _tenant, "ops",
            "product_critical_bug", "[P0] [ai-suggested] Incident i1 (SEV1) in production", "engineer", "seed", new DateTimeOffset(now.AddDays(7)), "incident-i1",
            new Dictionary<string, string> { ["category"] = "critical_bug", ["priority"] = "P0" }), new DateTimeOffset(day2)));
        IKillSwitch killSwitch = _app.Services.GetRequiredService<IKillSwitch>();
        await killSwitch.SetAsync(true, "e2e", "c-e2e");
        try
        {
            Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, $"/api/v1/reports/brain-weekly-reflection/run?period={period}")).StatusCode);
        }
        finally
        {
            await killSwitch.SetAsync(false, "e2e", "c-e2e");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"/api/v1/reports/brain-weekly-reflection?period={period}")).StatusCode); // nothing started
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(HttpMethod.Post, $"/api/v1/reports/brain-weekly-reflection/run?period={period}")).StatusCode);
        JsonElement brain = await ReadWhenStoredAsync($"/api/v1/reports/brain-weekly-reflection?period={period}");
        JsonElement reflection = brain.GetProperty("content");
        JsonElement figures = reflection.GetProperty("figures");
        Assert.Equal((3, 2, 1, "critical", 1, 1, 1, 1, 4.0), (figures.GetProperty("tickets_opened").GetInt32(), figures.GetProperty("tickets_resolved").GetInt32(),
            figures.GetProperty("sla_breaches").GetInt32(), figures.GetProperty("sla_verdict").GetString(), figures.GetProperty("issues_opened").GetInt32(),
            figures.GetProperty("p0_issues_open").GetInt32(), figures.GetProperty("feedback_30_days").GetInt32(), figures.GetProperty("exemplars_30_days").GetInt32(),
            figures.GetProperty("average_rubric_30_days").GetDouble()));
        Assert.Equal(("p0_issues", "finance_not_measured", "غير مقاس"), (Str(reflection.GetProperty("priorities")[0], "code"),
            Str(reflection.GetProperty("risks")[0], "code"), Str(reflection.GetProperty("risks")[0], "figure")));
        Assert.Contains("1. أنجزوا 1 مشكلة P0 فتحتها حلقة المنتج [مهام حلقة المنتج]", reflection.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(reflection.GetProperty("advisory").GetBoolean());
        Assert.InRange(reflection.GetProperty("word_count").GetInt32(), 1, 400);
        StoredOperatorAlert reflected = await Eventually.MatchAsync(
            async () => (await alerts.ListAsync(_tenant, 50)).FirstOrDefault(a => a.Alert.IdempotencyKey == $"report:{_tenant}:brain-weekly-reflection:{period}"),
            a => a is not null, "the founder's reflection alert", Bound) ?? throw new InvalidOperationException("no alert");
        Assert.Equal(("founder", reflection.GetProperty("text").GetString()), (reflected.Alert.OwnerRole, reflected.Alert.Body));
    }

    private async Task<JsonElement> ReadWhenStoredAsync(string path) =>
        await Eventually.MatchAsync(async () =>
            {
                HttpResponseMessage r = await SendAsync(HttpMethod.Get, path);
                return r.StatusCode == HttpStatusCode.OK ? await r.Content.ReadFromJsonAsync<JsonElement>() : default;
            }, r => r.ValueKind == JsonValueKind.Object, $"the report {path}", Bound);

    private static string? Str(JsonElement e, params string[] path) => path.Aggregate(e, (x, p) => x.GetProperty(p)).GetString();

    private async Task SeedTicketAsync(string id, TicketPriority priority, DateTime opened, DateTime? firstResponse, DateTime? resolved, string keyword)
    {
        PriorityTier tier = Orchestrations.Support.Rules.SupportPriorities.For(priority);
        await _app.Services.GetRequiredService<ITicketStore>().CreateAsync(new SupportTicket
        {
            TicketId = id,
            TenantId = _tenant,
            InstanceId = $"ticket:{_tenant}:{id}",
            Source = "api",
            Priority = priority,
            Owners = ["operator"],
            MatchedKeywords = [keyword],
            Reason = "seeded",
            Status = resolved is null ? "open" : "resolved",
            OpenedAt = opened,
            FirstResponseDueAt = opened + tier.FirstResponseTarget,
            ResolutionDueAt = opened + tier.ResolutionTarget,
            FirstResponseAt = firstResponse,
            ResolvedAt = resolved,
            CorrelationId = "c-seed",
        });
        ISlaLogStore log = _app.Services.GetRequiredService<ISlaLogStore>();
        await log.AppendAsync(new SlaEvent(id, _tenant, SlaEventType.TicketOpened, priority, opened, "automation", "c-seed"), $"{id}:opened");
        if (firstResponse is { } f)
        {
            await log.AppendAsync(new SlaEvent(id, _tenant, SlaEventType.FirstResponseSent, priority, f, "operator", "c-seed"), $"{id}:first");
        }

        if (resolved is { } r)
        {
            await log.AppendAsync(new SlaEvent(id, _tenant, SlaEventType.Resolved, priority, r, "operator", "c-seed"), $"{id}:resolved");
        }
    }

    private Task SeedDraftAsync(string id, DateTime expiresAt) => _app.Services.GetRequiredService<IDraftStore>().CreateAsync(new ReplyDraft
    {
        DraftId = id,
        TenantId = _tenant,
        DealInstanceId = $"deal:{_tenant}:c1",
        ContactId = "c1",
        Channel = MessageChannel.WhatsApp,
        To = "+966500000009",
        Text = "seeded",
        Kind = DraftKind.Reply,
        Category = "interested",
        Stage = DealStage.Qualified,
        Status = DraftStatus.PendingApproval,
        CorrelationId = "c-seed",
        CreatedAt = DateTime.UtcNow,
        ExpiresAt = expiresAt,
    });

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", Key); // the tenant's own operator key
        return _app.Client.SendAsync(request);
    }
}
