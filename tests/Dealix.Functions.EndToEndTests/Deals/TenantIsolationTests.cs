using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Functions.Infrastructure.Approvals;
using Dealix.Functions.Infrastructure.Outbox;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.EndToEndTests.Deals;

/// <summary>Who calls a route in one row of the matrix.</summary>
public enum Caller
{
    /// <summary>The key of tenant A, naming tenant A.</summary>
    Own,

    /// <summary>The key of tenant A, naming tenant B.</summary>
    OtherTenant,

    /// <summary>The host key (bound to no tenant), naming tenant B.</summary>
    HostKey,

    /// <summary>No key at all.</summary>
    NoKey,

    /// <summary>The admin operator key, naming tenant B.</summary>
    Admin,
}

/// <summary>
/// Issue 15 item 3 on real Kestrel and Azurite: every operator route × every kind of caller, from one route table. Each
/// route has its own pair of tenants (A, whose key is used, and B, the victim) so rows do not depend on each other.
/// Own tenant and admin succeed; another tenant and the tenant-less host key get 403, a ledger line on the victim's
/// ledger and no change to the victim's drafts; no key gets 401.
/// </summary>
public sealed class TenantIsolationTests(TenantIsolationTests.World world) : IClassFixture<TenantIsolationTests.World>
{
    public const string AdminKey = "e2e-operator-admin-key";

    /// <summary>An SLA ticket opened a minute ago (the support rows).</summary>
    private static readonly string SlaOpened = $$"""{"ticket_id":"t-iso","event_type":"ticket_opened","priority":"P3","occurred_at":"{{DateTime.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)}}","actor":"op-1"}""";

    /// <summary>The operator routes: name, method, path ({draft} = the row's draft), body, success status, global.</summary>
    public static readonly IReadOnlyList<RouteCase> Routes =
    [
        new("list", "GET", "/api/v1/approval-center", null, HttpStatusCode.OK),
        new("approve", "POST", "/api/v1/approval-center/{draft}/approve", """{"reviewer":"op-1"}""", HttpStatusCode.OK, Draft: DraftStatus.PendingApproval),
        new("reject", "POST", "/api/v1/approval-center/{draft}/reject", """{"reviewer":"op-1","reason_code":"tone"}""", HttpStatusCode.OK, Draft: DraftStatus.PendingApproval),
        new("send", "POST", "/api/v1/drafts/{draft}/send", null, HttpStatusCode.Accepted, Draft: DraftStatus.Approved),
        new("batch", "POST", "/api/v1/drafts/send-approved-batch", """{"limit":5}""", HttpStatusCode.Accepted, Draft: DraftStatus.Approved),
        new("stages", "GET", "/api/v1/os/stages", null, HttpStatusCode.OK),
        new("process", "POST", "/api/v1/os/process", """{"text":"كم السعر؟"}""", HttpStatusCode.OK),
        new("bulk", "POST", "/api/v1/os/bulk-process", """{"events":[{"text":"كم السعر؟"}]}""", HttpStatusCode.OK),
        new("act", "POST", "/api/v1/os/process-and-act", """{"from":"966544444444","text":"مرحبا"}""", HttpStatusCode.Accepted),
        new("classify", "POST", "/api/v1/automation/reply/classify", """{"text":"كم السعر؟"}""", HttpStatusCode.OK),
        new("compliance", "POST", "/api/v1/automation/compliance/check", """{"channel":"email","address":"lead@example.com"}""", HttpStatusCode.OK),
        new("tasks", "GET", "/api/v1/tasks", null, HttpStatusCode.OK),
        new("task-get", "GET", "/api/v1/tasks/{task}", null, HttpStatusCode.OK),
        new("task-claim", "POST", "/api/v1/tasks/{task}/claim", null, HttpStatusCode.OK),
        new("task-release", "POST", "/api/v1/tasks/{task}/release", null, HttpStatusCode.OK),
        new("task-complete", "POST", "/api/v1/tasks/{task}/complete", """{"outcome":"completed"}""", HttpStatusCode.OK),
        new("incident-triage", "POST", "/api/v1/customer-ops/incidents/triage", """{"has_data_leak":true}""", HttpStatusCode.OK),
        new("incident-plan", "POST", "/api/v1/customer-ops/incidents/response-plan", """{"affected_customers":7}""", HttpStatusCode.OK),
        new("incident-open", "POST", "/api/v1/customer-ops/incidents", """{"incident_id":"iso-1","title":"Isolation check","affected_customers":1}""", HttpStatusCode.Accepted),
        new("incident-list", "GET", "/api/v1/customer-ops/incidents", null, HttpStatusCode.OK),
        new("incident-uptime", "POST", "/api/v1/customer-ops/incidents/uptime", """{"uptime_percent_7d":99.9}""", HttpStatusCode.OK),
        new("obchecklist", "POST", "/api/v1/customer-ops/onboarding/checklist", """{"customer_id":"iso-cust"}""", HttpStatusCode.Accepted),
        new("obupdate", "POST", "/api/v1/customer-ops/onboarding/update-step", """{"customer_id":"iso-cust","step_id":"select_goal","values":{"goal":"x"}}""", HttpStatusCode.NotFound),
        new("obdemo", "GET", "/api/v1/customer-ops/onboarding/checklist/demo", null, HttpStatusCode.OK),
        new("concatalog", "GET", "/api/v1/customer-ops/connectors/catalog", null, HttpStatusCode.OK),
        new("consummary", "GET", "/api/v1/customer-ops/connectors/summary?customer_id=iso-cust", null, HttpStatusCode.OK),
        new("conupdate", "POST", "/api/v1/customer-ops/connectors/update", """{"customer_id":"iso-cust","connector_id":"gmail","state":"configuring"}""", HttpStatusCode.OK),
        new("condemo", "GET", "/api/v1/customer-ops/connectors/demo", null, HttpStatusCode.OK),
        new("sup-priorities", "GET", "/api/v1/customer-ops/support/priorities", null, HttpStatusCode.OK),
        new("sup-route", "POST", "/api/v1/customer-ops/support/route", """{"subject":"Outage","body":"The dashboard is down"}""", HttpStatusCode.OK),
        new("sup-first", "POST", "/api/v1/customer-ops/support/first-response", """{"priority":"P1"}""", HttpStatusCode.OK),
        new("sup-open", "POST", "/api/v1/customer-ops/support/tickets", """{"subject":"Dark mode","body":"Please add a dark mode"}""", HttpStatusCode.Accepted),
        new("sup-list", "GET", "/api/v1/customer-ops/support/tickets", null, HttpStatusCode.OK),
        new("sla-event", "POST", "/api/v1/customer-ops/sla/event", SlaOpened, HttpStatusCode.Accepted),
        new("sla-breach", "POST", "/api/v1/customer-ops/sla/classify-breach", $$"""{"events":[{{SlaOpened}}]}""", HttpStatusCode.OK),
        new("sla-health", "POST", "/api/v1/customer-ops/sla/health-report", "{}", HttpStatusCode.OK),
        new("sla-demo", "GET", "/api/v1/customer-ops/sla/health-report-demo", null, HttpStatusCode.OK),
        new("pause", "POST", "/api/v1/admin/kill-switch/pause", null, HttpStatusCode.OK, Global: true),
        new("resume", "POST", "/api/v1/admin/kill-switch/resume", null, HttpStatusCode.OK, Global: true),
        new("kill-status", "GET", "/api/v1/admin/kill-switch", null, HttpStatusCode.OK, Global: true),
        new("console-session", "GET", "/api/v1/console/session", null, HttpStatusCode.OK),
        new("console-deals", "GET", "/api/v1/console/deals", null, HttpStatusCode.OK),
        new("console-context", "GET", "/api/v1/approval-center/{draft}/context", null, HttpStatusCode.NotFound),
        new("console-feedback", "POST", "/api/v1/approval-center/{draft}/feedback", """{"reviewer":"op-1","rubric":{"tone":4}}""", HttpStatusCode.NotFound),
        new("console-feedback-list", "GET", "/api/v1/approval-center/{draft}/feedback", null, HttpStatusCode.NotFound),
        new("console-kill-switch", "GET", "/api/v1/console/kill-switch", null, HttpStatusCode.OK),
        new("console-timeline", "GET", "/api/v1/console/deal-timeline?deal_id=deal:isoother:c1", null, HttpStatusCode.NotFound),
        new("tenant-pause", "POST", "/api/v1/admin/kill-switch/tenant/pause", null, HttpStatusCode.OK, Global: true),
        new("tenant-resume", "POST", "/api/v1/admin/kill-switch/tenant/resume", null, HttpStatusCode.OK, Global: true),
        new("cscheckin", "POST", "/api/v1/customer-ops/cs/weekly-check-in", """{"drafts_pending":3}""", HttpStatusCode.OK),
        new("csatrisk", "POST", "/api/v1/customer-ops/cs/at-risk-alert", """{"days_inactive":8,"drafts_pending":2,"last_proof_pack_days_ago":10}""", HttpStatusCode.OK),
        new("csplan", "POST", "/api/v1/customer-ops/cs/success-plan", """{"bundle":"growth_starter"}""", HttpStatusCode.OK),
        new("csstart", "POST", "/api/v1/customer-ops/cs/cadences", """{"customer_id":"iso-cust","bundle":"growth_starter"}""", HttpStatusCode.Accepted),
        new("cscadence", "GET", "/api/v1/customer-ops/cs/cadences/iso-cust", null, HttpStatusCode.NotFound),
        new("csinputs", "PUT", "/api/v1/customer-ops/cs/customers/iso-cust/health-inputs",
            """{"active_days_last_7":3,"days_inactive":2,"median_approval_hours":10,"drafts_pending":4,"last_proof_pack_days_ago":9}""", HttpStatusCode.OK),
        new("cshealth", "GET", "/api/v1/customer-ops/cs/customers/iso-cust/health", null, HttpStatusCode.NotFound),
        new("prospects-import", "POST", "/api/v1/prospects/import",
            """{"prospects":[{"prospect_id":"p1","company_name":"Acme","sector":"logistics","city":"Riyadh","email":"ops@acme.sa","source":"customer_upload"}]}""", HttpStatusCode.OK),
        new("prospects", "GET", "/api/v1/prospects", null, HttpStatusCode.OK),
        new("pipeline-run", "POST", "/api/v1/automation/daily-pipeline/run", null, HttpStatusCode.Accepted),
        new("reports", "GET", "/api/v1/reports", null, HttpStatusCode.OK),
        new("report-get", "GET", "/api/v1/reports/daily-digest", null, HttpStatusCode.NotFound),
        new("report-run", "POST", "/api/v1/reports/weekly-support-review/run?period=2026W49", null, HttpStatusCode.Accepted),
        new("executive-room", "GET", "/api/v1/executive-room/weekly-pack", null, HttpStatusCode.NotFound),
        new("evidence-pack", "GET", "/api/v1/evidence-packs/deal%3Aiso%3Ac1", null, HttpStatusCode.NotFound),
        new("campaigns", "GET", "/api/v1/marketing/campaigns", null, HttpStatusCode.OK),
        new("campaign-put", "PUT", "/api/v1/marketing/campaigns/iso-camp", """{"name":"Iso","budget":1000,"target_cpa":50,"cpa_7d":40,"conversions_7d":3}""", HttpStatusCode.OK),
        new("loop-run", "POST", "/api/v1/loops/marketing/run", null, HttpStatusCode.Accepted),
        new("audit-get", "GET", "/api/v1/audit/2026-12-05", null, HttpStatusCode.NotFound),
        new("ops-metric-put", "PUT", "/api/v1/operations/metrics/uptime_pct/2026-11-01", """{"value":99.95}""", HttpStatusCode.OK),
        new("ops-metrics", "GET", "/api/v1/operations/metrics", null, HttpStatusCode.OK),
        new("ops-post-mortem", "GET", "/api/v1/operations/post-mortems/uptime-20261101", null, HttpStatusCode.NotFound),
        new("audit-auto-actions", "GET", "/api/v1/audit/auto-actions", null, HttpStatusCode.OK),
        new("audit-revert", "POST", "/api/v1/audit/entries/0123456789abcdef0123456789abcdef/revert", """{"reason":"isolation check"}""", HttpStatusCode.NotFound, Global: true),
        new("content-calendar", "GET", "/api/v1/marketing/content-calendar?week=2026W49", null, HttpStatusCode.OK),
        new("content-run", "POST", "/api/v1/marketing/content-calendar/run?week=2026W49", null, HttpStatusCode.Accepted),
        new("content-approve", "POST", "/api/v1/marketing/content-calendar/2026W49-1/approve", """{"reviewer":"op-1"}""", HttpStatusCode.NotFound),
        new("competitor-content", "POST", "/api/v1/marketing/competitor-content",
            """{"competitor":"Rival","url":"https://rival.example/p/1","title":"Iso","published_at":"2026-11-20T08:00:00Z","topics":["ai"]}""", HttpStatusCode.Created),
        new("bulk-email", "POST", "/api/v1/outreach/bulk-emails", $$"""{"request_id":"iso-1","subject":"Dealix","body":"Dealix. {{Orchestrations.Outreach.Rules.OutreachRules.OptOutLineEnglish}}","recipients":["nobody"]}""",
            HttpStatusCode.UnprocessableEntity),
        new("bulk-email-get", "GET", "/api/v1/outreach/bulk-emails/be00000000000000000000", null, HttpStatusCode.NotFound),
    ];

    public static TheoryData<string, Caller> Matrix()
    {
        var rows = new TheoryData<string, Caller>();
        foreach (RouteCase route in Routes)
        {
            foreach (Caller caller in Enum.GetValues<Caller>())
            {
                rows.Add(route.Name, caller);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task OperatorRoute_IsBoundToTheCallersTenant(string routeName, Caller caller)
    {
        RouteCase route = Routes.Single(r => r.Name == routeName);
        (string a, string b, string c) = (World.TenantA(route.Name), World.TenantB(route.Name), World.TenantC(route.Name));
        string named = caller switch
        {
            Caller.Own => a,
            Caller.Admin => c,
            _ => b,
        };
        string? draft = route.Draft is null || caller == Caller.NoKey ? null : world.Drafts[named];
        string correlationId = $"iso-{route.Name}-{caller}-{Guid.NewGuid():N}";
        string? key = caller switch
        {
            Caller.Own or Caller.OtherTenant => World.KeyOf(a),
            Caller.HostKey => TestApp.HostKey,
            Caller.Admin => AdminKey,
            _ => null,
        };
        IReadOnlyList<(string, DraftStatus)> before = await world.SnapshotAsync(b);

        // Half the routes name the tenant in the header, half in the query: both are checked.
        string path = route.Path.Replace("{draft}", draft ?? "d0000000000000000000000000000000", StringComparison.Ordinal)
            .Replace("{task}", Uri.EscapeDataString(World.TaskOf(named)), StringComparison.Ordinal);
        bool inHeader = Routes.ToList().IndexOf(route) % 2 == 0;
        var request = new HttpRequestMessage(new HttpMethod(route.Method), inHeader ? path : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}tenant={named}");
        if (inHeader)
        {
            request.Headers.Add("X-Tenant-Id", named);
        }

        request.Headers.Add("X-Correlation-Id", correlationId);
        request.Headers.Add("X-Operator-Id", "op-1");
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        if (route.Body is not null)
        {
            request.Content = new StringContent(route.Body, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response = await world.App.Client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        IAuditLedger ledger = world.App.Services.GetRequiredService<IAuditLedger>();
        switch (caller)
        {
            case Caller.Own when !route.Global:
            case Caller.Admin:
                Assert.True(response.StatusCode == route.Success, $"{route.Name} as {caller}: {(int)response.StatusCode} {body}");
                if (route.Name == "pause")
                {
                    await world.ResumeAsync();
                }

                if (caller == Caller.Own && route.Name == "list")
                {
                    JsonElement items = JsonDocument.Parse(body).RootElement.GetProperty("items");
                    Assert.All(items.EnumerateArray(), i => Assert.Equal(a, i.GetProperty("tenant_id").GetString()));
                }

                break;
            case Caller.NoKey:
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route.Name} without a key: {(int)response.StatusCode} {body}");
                Assert.Equal(before, await world.SnapshotAsync(b));
                break;
            default:
                // Another tenant, the tenant-less host key, or a tenant key on a global route: 403 ProblemDetails with a reason.
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route.Name} as {caller}: {(int)response.StatusCode} {body}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.False(string.IsNullOrWhiteSpace(JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()));
                string ledgerTenant = route.Global ? (caller == Caller.HostKey ? "global" : a) : b;
                IReadOnlyList<AuditEntry> lines = await ledger.ListAsync(ledgerTenant, correlationId);
                Assert.Contains(lines, l => l.Action == TenantGate.RefusedAction && l.Outcome == "refused" && l.Actor.StartsWith("key:", StringComparison.Ordinal));
                Assert.All(lines, l => Assert.Equal(TenantGate.RefusedAction, l.Action));
                Assert.DoesNotContain(key!, JsonSerializer.Serialize(lines), StringComparison.Ordinal);
                Assert.Equal(before, await world.SnapshotAsync(b));
                if (route.Path.Contains("{task}", StringComparison.Ordinal))
                {
                    Assert.Equal("open", (await world.App.Services.GetRequiredService<IHumanTaskStore>().GetAsync(b, World.TaskOf(b)))!.Status);
                }

                if (draft is not null)
                {
                    IDraftStore drafts = world.App.Services.GetRequiredService<IDraftStore>();
                    Assert.Equal(route.Draft, (await drafts.GetAsync(b, draft))!.Status);
                }

                break;
        }
    }

    [Fact]
    public async Task TenantKey_NamingNoTenant_ActsOnItsOwnTenant()
    {
        string a = World.TenantB("approve"); // its one draft is the victim's, which stays pending
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/approval-center");
        request.Headers.Add("x-functions-key", World.KeyOf(a));
        HttpResponseMessage response = await world.App.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
        Assert.Contains(items.EnumerateArray(), i => i.GetProperty("approval_id").GetString() == world.Drafts[a]);
        Assert.All(items.EnumerateArray(), i => Assert.Equal(a, i.GetProperty("tenant_id").GetString()));
    }

    [Fact]
    public async Task Callback_ExpiredTamperedOrOtherTenantToken_Is403_AndADraftOfAnotherTenantNeverMoves()
    {
        string b = World.TenantB("reject");
        string victim = world.Drafts[b];
        string a = World.TenantA("reject");
        string ownDraft = world.Drafts[a];
        IServiceProvider services = world.App.Services;
        var expiredTokens = new CallbackTokens(services.GetRequiredService<IOptions<ApprovalOptions>>(), services.GetRequiredService<ICallbackTokenLedger>(),
            new ShiftedClock(TimeSpan.FromDays(-3)));
        CallbackTokens tokens = services.GetRequiredService<CallbackTokens>();
        string valid = tokens.Issue(b, victim, "op-1", "approve");
        string tampered = valid[..^2] + (valid[^2] == 'A' ? "B" : "A") + valid[^1];
        string[] refused =
        [
            $"/api/v1/approval-center/{victim}/callback?tenant={b}&token={Uri.EscapeDataString(expiredTokens.Issue(b, victim, "op-1", "approve"))}",
            $"/api/v1/approval-center/{victim}/callback?tenant={b}&token={Uri.EscapeDataString(tampered)}",

            // A valid token of tenant A's own draft, aimed at tenant B's draft or naming tenant B.
            $"/api/v1/approval-center/{victim}/callback?tenant={b}&token={Uri.EscapeDataString(tokens.Issue(a, ownDraft, "op-1", "approve"))}",
            $"/api/v1/approval-center/{victim}/callback?tenant={b}&token={Uri.EscapeDataString(tokens.Issue(a, victim, "op-1", "approve"))}",
        ];
        foreach (string url in refused)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await world.App.Client.PostAsync(url, null)).StatusCode);
        }

        IReadOnlyList<AuditEntry> lines = await services.GetRequiredService<IAuditLedger>().ListAsync(b);
        Assert.Contains(lines, e => e.Action == "callback_refused" && e.Reason == "expired");
        Assert.Contains(lines, e => e.Action == "callback_refused" && e.Reason == "bad_signature");
        Assert.Contains(lines, e => e.Action == "callback_refused" && e.Reason is "wrong_tenant" or "wrong_draft");
        Assert.Equal(DraftStatus.PendingApproval, (await services.GetRequiredService<IDraftStore>().GetAsync(b, victim))!.Status);

        // Unsubscribe links: a forged or re-signed-for-another-tenant token is refused.
        string unsubscribe = services.GetRequiredService<UnsubscribeLinks>().Token(b, "contact1");
        foreach (string token in new[] { unsubscribe[..^2] + (unsubscribe[^2] == 'a' ? "b" : "a") + unsubscribe[^1], unsubscribe.Replace($".{b}.", $".{a}.", StringComparison.Ordinal) })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/unsubscribe/{Uri.EscapeDataString(token)}")
            {
                Content = new StringContent("List-Unsubscribe=One-Click", Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            Assert.Equal(HttpStatusCode.Forbidden, (await world.App.Client.SendAsync(request)).StatusCode);
        }
    }

    public sealed record RouteCase(string Name, string Method, string Path, string? Body, HttpStatusCode Success, DraftStatus? Draft = null, bool Global = false);

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }

    /// <summary>One app for the whole matrix, on its own Azurite, with a tenant pair and an operator key per route.</summary>
    public sealed class World : IAsyncLifetime
    {
        private const string Contact = "966500000001";
        private AzuriteProcess _azurite = null!;

        public TestApp App { get; private set; } = null!;

        /// <summary>tenant → its one draft: A's is the own key's, B's the victim's, C's the admin key's.</summary>
        public Dictionary<string, string> Drafts { get; } = [];

        public static string TenantA(string route) => "isoa" + route;

        public static string TenantB(string route) => "isob" + route;

        public static string TenantC(string route) => "isoc" + route;

        public static string KeyOf(string tenant) => $"e2e-operator-key-{tenant}";

        /// <summary>The one human task of a task route's tenant (its workflow instance does not exist: raising is best effort).</summary>
        public static string TaskOf(string tenant) => $"iso:{tenant}:review";

        public async Task InitializeAsync()
        {
            _azurite = await AzuriteProcess.StartAsync();
            var settings = new Dictionary<string, string?>
            {
                ["Approvals:CallbackSigningKey"] = "e2e-callback-signing-key-0123456789abcdef",
                ["Deals:WarmUpClassifier"] = "true",
                ["Outbox:PausedRetryDelay"] = "00:00:01",
                ["Operators:Keys:admin:Key"] = AdminKey,
                ["Operators:Keys:admin:Admin"] = "true",
            };
            foreach (RouteCase route in Routes)
            {
                foreach (string tenant in new[] { TenantA(route.Name), TenantB(route.Name), TenantC(route.Name) })
                {
                    settings[$"Operators:Keys:{tenant}:Key"] = KeyOf(tenant);
                    settings[$"Operators:Keys:{tenant}:Tenant"] = tenant;
                }
            }

            App = await TestApp.StartAsync(_azurite, TestApp.CreateScriptRoot("Iso" + Guid.NewGuid().ToString("N")[..10]), settings);

            // The drafts the state-changing rows act on, made through the real flow (a lead's price question).
            var wanted = new List<(string Tenant, DraftStatus Status)>();
            foreach (RouteCase route in Routes.Where(r => r.Draft is not null))
            {
                wanted.AddRange([(TenantA(route.Name), route.Draft!.Value), (TenantB(route.Name), route.Draft!.Value), (TenantC(route.Name), route.Draft!.Value)]);
            }

            IHumanTaskStore tasks = App.Services.GetRequiredService<IHumanTaskStore>();
            foreach (string tenant in Routes.Where(r => r.Path.Contains("{task}", StringComparison.Ordinal)).SelectMany(r => new[] { TenantA(r.Name), TenantB(r.Name), TenantC(r.Name) }))
            {
                await tasks.CreateAsync(HumanTask.From(new HumanTaskRequest(TaskOf(tenant), tenant, "deal", "review", "Review", "operator", $"iso:{tenant}",
                    DateTimeOffset.UtcNow.AddHours(8)), DateTimeOffset.UtcNow));
            }

            await Task.WhenAll(wanted.Select(w => ActAsync(w.Tenant, Contact)));
            IDraftStore drafts = App.Services.GetRequiredService<IDraftStore>();
            foreach ((string tenant, DraftStatus status) in wanted)
            {
                ReplyDraft draft = await Eventually.MatchAsync(
                    async () => (await drafts.ListAsync(tenant, new DraftQuery(DraftStatus.PendingApproval))).Items is { Count: > 0 } items ? items[0] : null,
                    d => d is not null, $"a pending draft for {tenant}", TimeSpan.FromMinutes(3)) ?? throw new InvalidOperationException();
                if (status == DraftStatus.Approved)
                {
                    // Approved in the store only: the rows then decide whether it is queued.
                    await drafts.TransitionAsync(tenant, draft.DraftId, [DraftStatus.PendingApproval], DraftStatus.Approved, new DraftChange("op-setup", DateTime.UtcNow));
                }

                Drafts[tenant] = draft.DraftId;
            }
        }

        /// <summary>The tenant's drafts (pending and approved) with their status, to show nothing moved.</summary>
        public async Task<IReadOnlyList<(string, DraftStatus)>> SnapshotAsync(string tenant)
        {
            IDraftStore drafts = App.Services.GetRequiredService<IDraftStore>();
            var all = new List<(string, DraftStatus)>();
            foreach (DraftStatus status in new[] { DraftStatus.PendingApproval, DraftStatus.Approved })
            {
                all.AddRange((await drafts.ListAsync(tenant, new DraftQuery(status, PageSize: 100))).Items.Select(d => (d.DraftId, d.Status)));
            }

            return [.. all.Order()];
        }

        public async Task ResumeAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/kill-switch/resume");
            request.Headers.Add("x-functions-key", TestApp.MasterKey);
            (await App.Client.SendAsync(request)).EnsureSuccessStatusCode();
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await _azurite.DisposeAsync();
        }

        private async Task ActAsync(string tenant, string contact)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/os/process-and-act?tenant={tenant}")
            {
                Content = new StringContent($$"""{"from":"{{contact}}","text":"السلام عليكم، كم السعر؟","message_id":"iso-{{tenant}}-{{contact}}"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("x-functions-key", TestApp.MasterKey);
            HttpResponseMessage response = await App.Client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        }
    }
}
