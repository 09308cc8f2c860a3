using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.EndToEndTests.SelfImprovement;

/// <summary>
/// §17.7 revert on real Kestrel and Azurite: the marketing loop raises one budget and pauses failing ads on its own; the
/// auto-actions route lists them; the founder (an admin key) reverts the raise (the budget goes back) and the pause (the
/// ads run again), each once; a raise whose budget moved since is a 409 and changes nothing; bad input 400, an unknown
/// id or another tenant's id 404, a tenant key 403; the audit export shows the originals <c>reverted</c> and the revert
/// lines with <c>reverts_audit_id</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditRevertFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly string _tenant = "rv" + Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;

    private string Key => $"e2e-revert-key-{_tenant}";

    public async Task InitializeAsync() => _app = await TenantApps.StartAsync(azurite.Azurite, "Rv", _tenant, Key);

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task AutoRaiseAndPause_RevertedByTheFounder_BudgetBackAdsRunning_ExportShowsReverted()
    {
        foreach ((string id, string body) in new[]
        {
            ("strong", """{"name":"Strong","budget":1000,"target_cpa":70,"cpa_7d":45,"conversions_7d":20}"""),
            ("drift", """{"name":"Drift","budget":500,"target_cpa":70,"cpa_7d":40,"conversions_7d":30}"""),
            ("failing", """{"name":"Failing","budget":900,"target_cpa":50,"cpa_7d":300,"conversions_7d":2}"""),
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, $"/api/v1/marketing/campaigns/{id}", Key, body)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(HttpMethod.Post, "/api/v1/loops/marketing/run", Key)).StatusCode);
        IAuditLedger ledger = _app.Services.GetRequiredService<IAuditLedger>();
        IReadOnlyList<AuditEntry> lines = await Eventually.MatchAsync(() => ledger.ListAsync(_tenant),
            l => l.Count(e => e.AutoApproved && e.Outcome == "applied") == 3, "the three auto-actions", Bound);
        AuditEntry raise = lines.Single(e => e.Action == "increase_budget" && e.Target == "strong");
        AuditEntry drift = lines.Single(e => e.Action == "increase_budget" && e.Target == "drift");
        AuditEntry pause = lines.Single(e => e.Action == "pause_failing_ads");

        // The period's auto-actions, each revertible with its route.
        JsonElement list = await (await SendAsync(HttpMethod.Get, "/api/v1/audit/auto-actions", Key)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, list.GetProperty("count").GetInt32());
        JsonElement listed = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("audit_id").GetString() == raise.EntryId);
        Assert.Equal((1000m, 1300m, false, $"/api/v1/audit/entries/{raise.EntryId}/revert"), (listed.GetProperty("from").GetDecimal(), listed.GetProperty("to").GetDecimal(),
            listed.GetProperty("reverted").GetBoolean(), listed.GetProperty("revert_route").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Get, "/api/v1/audit/auto-actions?from=2026-12-09&to=2026-12-01", Key)).StatusCode);

        // Refused before anything changes: a tenant key (only the founder reverts), bad input, unknown id, another tenant's id.
        string revert = $"/api/v1/audit/entries/{raise.EntryId}/revert";
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, revert, Key, """{"reason":"spike"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, revert, TestApp.MasterKey, """{"reason":"  "}""", _tenant)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, revert, TestApp.MasterKey, $$"""{"reason":"{{new string('x', 501)}}"}""", _tenant)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, "/api/v1/audit/entries/0123456789abcdef0123456789abcdef/revert", TestApp.MasterKey,
            """{"reason":"spike"}""", _tenant)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, revert, TestApp.MasterKey, """{"reason":"spike"}""", "othertenant")).StatusCode);
        Assert.Equal(1300m, await BudgetAsync("strong"));

        // The founder reverts the raise: the budget goes back, once.
        HttpResponseMessage done = await SendAsync(HttpMethod.Post, revert, TestApp.MasterKey, """{"reason":"One-off spike, not a trend"}""", _tenant, "founder-1");
        JsonElement reverted = await done.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(done.StatusCode == HttpStatusCode.OK, reverted.ToString());
        Assert.Equal(("budget_restored", 1000m, "founder-1"), (reverted.GetProperty("effect").GetString(), reverted.GetProperty("budget").GetDecimal(),
            reverted.GetProperty("human_reviewer").GetString()));
        Assert.Equal(1000m, await BudgetAsync("strong"));
        HttpResponseMessage twice = await SendAsync(HttpMethod.Post, revert, TestApp.MasterKey, """{"reason":"again"}""", _tenant, "founder-1");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("already_reverted", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A raise whose budget was changed since by hand: 409, the budget stays.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, "/api/v1/marketing/campaigns/drift", Key,
            """{"name":"Drift","budget":700,"target_cpa":70,"cpa_7d":40,"conversions_7d":30}""")).StatusCode);
        HttpResponseMessage moved = await SendAsync(HttpMethod.Post, $"/api/v1/audit/entries/{drift.EntryId}/revert", TestApp.MasterKey, """{"reason":"too much"}""", _tenant);
        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.Contains("budget_changed", await moved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(700m, await BudgetAsync("drift"));

        // Paused failing ads run again.
        HttpResponseMessage resumed = await SendAsync(HttpMethod.Post, $"/api/v1/audit/entries/{pause.EntryId}/revert", TestApp.MasterKey, """{"reason":"tracking bug"}""", _tenant);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        JsonElement campaigns = (await (await SendAsync(HttpMethod.Get, "/api/v1/marketing/campaigns", Key)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaigns");
        Assert.False(campaigns.EnumerateArray().Single(c => c.GetProperty("campaign_id").GetString() == "failing").GetProperty("ads_paused").GetBoolean());

        // The ledger: two revert lines appended, the originals untouched.
        IReadOnlyList<AuditEntry> after = await ledger.ListAsync(_tenant);
        AuditEntry line = Assert.Single(after, e => e.Action == "revert" && e.RevertsAuditId == raise.EntryId);
        Assert.Equal(("founder-1", "1300", "1000", "One-off spike, not a trend", "strong"), (line.Actor, line.From, line.To, line.Reason, line.Target));
        Assert.Equal(2, after.Count(e => e.Action == "revert"));
        Assert.Equal(raise, after.Single(e => e.EntryId == raise.EntryId));

        // The day's export shows the raise reverted and the revert line naming it.
        DateTime today = line.At.Date;
        string nextDay = today.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture), day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(HttpMethod.Post, $"/api/v1/loops/audit/run?period={nextDay}", Key)).StatusCode);
        string jsonl = await Eventually.MatchAsync(async () =>
            {
                HttpResponseMessage r = await SendAsync(HttpMethod.Get, $"/api/v1/audit/{day}", Key);
                return r.StatusCode == HttpStatusCode.OK ? await r.Content.ReadAsStringAsync() : string.Empty;
            }, t => t.Length > 0, "the audit export", Bound);
        JsonElement[] rows = [.. jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
        JsonElement original = rows.Single(r => r.GetProperty("audit_id").GetString() == raise.EntryId);
        Assert.Equal((true, true), (original.GetProperty("reverted").GetBoolean(), original.GetProperty("auto_approved").GetBoolean()));
        Assert.False(rows.Single(r => r.GetProperty("audit_id").GetString() == drift.EntryId).GetProperty("reverted").GetBoolean());
        JsonElement revertRow = rows.Single(r => r.GetProperty("reverts_audit_id").GetString() == raise.EntryId);
        Assert.Equal(("revert", "strong", "founder-1"), (revertRow.GetProperty("action").GetString(), revertRow.GetProperty("campaign_id").GetString(),
            revertRow.GetProperty("human_reviewer").GetString()));

        JsonElement relisted = await (await SendAsync(HttpMethod.Get, "/api/v1/audit/auto-actions", Key)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, relisted.GetProperty("reverted").GetInt32());
    }

    private async Task<decimal> BudgetAsync(string id)
    {
        JsonElement campaigns = (await (await SendAsync(HttpMethod.Get, "/api/v1/marketing/campaigns", Key)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaigns");
        return campaigns.EnumerateArray().Single(c => c.GetProperty("campaign_id").GetString() == id).GetProperty("budget").GetDecimal();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, string? body = null, string? tenant = null, string? operatorId = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", key);
        if (tenant is not null)
        {
            request.Headers.Add("X-Tenant-Id", tenant);
        }

        if (operatorId is not null)
        {
            request.Headers.Add("X-Operator-Id", operatorId);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await _app.Client.SendAsync(request);
    }
}
