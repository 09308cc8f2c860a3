using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.EndToEndTests.SelfImprovement;

/// <summary>
/// The marketing loop on real Kestrel and Azurite: a campaign recorded through the API (bad input refused, nothing
/// stored), the loop run through its route proposes a −20 % cut, which appears in the approval center as a
/// <c>loop_action</c> and changes nothing until it is approved through the approval center's route; then the budget is
/// cut, once, with the reviewer and approval id on the ledger. Another tenant's key gets 403.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LoopsFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly string _tenant = "lp" + Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;

    private string Key => $"e2e-loops-key-{_tenant}";

    public async Task InitializeAsync() => _app = await TenantApps.StartAsync(azurite.Azurite, "Lp", _tenant, Key, "e2e-loops-other-key");

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task MarketingLoop_ProposesCut_ApprovalCenterDraft_AppliedOnlyAfterApproval()
    {
        // Bad input: 400 and nothing stored.
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, "/api/v1/marketing/campaigns/weak",
            """{"name":"Weak","budget":-5,"target_cpa":50,"cpa_7d":80,"conversions_7d":9}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, "/api/v1/marketing/campaigns/Bad%20Id",
            """{"name":"Weak","budget":2000,"target_cpa":50,"cpa_7d":80,"conversions_7d":9}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, "/api/v1/marketing/campaigns/weak", "[1]")).StatusCode);
        Assert.Equal(0, (await CampaignsAsync()).GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/loops/horoscope/run")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/loops/marketing/run?period=yesterday")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, "/api/v1/marketing/campaigns/weak",
            """{"name":"Weak","budget":2000,"target_cpa":50,"cpa_7d":80,"conversions_7d":9}""")).StatusCode);
        HttpResponseMessage run = await SendAsync(HttpMethod.Post, "/api/v1/loops/marketing/run");
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);

        // The cut waits in the approval center; the budget is untouched.
        JsonElement item = await Eventually.MatchAsync(async () =>
            {
                JsonElement list = await (await SendAsync(HttpMethod.Get, "/api/v1/approval-center")).Content.ReadFromJsonAsync<JsonElement>();
                return list.GetProperty("items").EnumerateArray().FirstOrDefault(i => i.GetProperty("kind").GetString() == "loop_action");
            }, i => i.ValueKind == JsonValueKind.Object, "the loop's approval", Bound);
        Assert.Equal(("reduce_budget", "B", "pending_approval"), (item.GetProperty("action").GetString(), item.GetProperty("action_class").GetString(), item.GetProperty("status").GetString()));
        Assert.Equal("reduce_budget on weak: budget 2000 → 1600 SAR (-20%). Reason: CPA 80 > target 50.", item.GetProperty("text").GetString());
        string approvalId = item.GetProperty("approval_id").GetString()!;
        Assert.Equal(2000m, (await CampaignsAsync())[0].GetProperty("budget").GetDecimal());

        // Another tenant cannot approve it or read the campaigns.
        var foreign = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/marketing/campaigns?tenant={_tenant}");
        foreign.Headers.Add("x-functions-key", "e2e-loops-other-key");
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Client.SendAsync(foreign)).StatusCode);

        // Approved through the approval center's route: the budget is cut, once.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"/api/v1/approval-center/{approvalId}/approve", """{"reviewer":"founder-1"}""")).StatusCode);
        await Eventually.MatchAsync(async () => (await CampaignsAsync())[0].GetProperty("budget").GetDecimal(), b => b == 1600m, "the cut budget", Bound);
        AuditEntry applied = await Eventually.MatchAsync(async () =>
                (await _app.Services.GetRequiredService<IAuditLedger>().ListAsync(_tenant)).FirstOrDefault(e => e.Action == "reduce_budget"),
            e => e is not null, "the ledger line", Bound) ?? throw new InvalidOperationException();
        Assert.Equal(("2000", "1600", "founder-1", approvalId, false, "applied"), (applied.From, applied.To, applied.Actor, applied.ApprovalId, applied.AutoApproved, applied.Outcome));
        IReadOnlyList<AuditEntry> ledger = await _app.Services.GetRequiredService<IAuditLedger>().ListAsync(_tenant);
        Assert.Single(ledger, e => e.Action == "reduce_budget");
        Assert.DoesNotContain(ledger, e => e.Action == "send" && e.ApprovalId == approvalId); // an approval record, never a message

        // The daily audit export (§17.7) of today's UTC day, run on request (the run of the next AST day exports it), readable as JSONL and CSV.
        DateTime today = applied.At.Date;
        string nextDay = today.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture), day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(HttpMethod.Post, $"/api/v1/loops/audit/run?period={nextDay}")).StatusCode);
        string jsonl = await Eventually.MatchAsync(async () =>
            {
                HttpResponseMessage r = await SendAsync(HttpMethod.Get, $"/api/v1/audit/{day}");
                return r.StatusCode == HttpStatusCode.OK ? await r.Content.ReadAsStringAsync() : string.Empty;
            }, t => t.Length > 0, "the audit export", Bound);
        using JsonDocument cut = JsonDocument.Parse(jsonl.Split('\n').Single(l => l.Contains("\"reduce_budget\"", StringComparison.Ordinal)));
        Assert.Equal(("weak", 2000m, 1600m, false, "founder-1", false), (cut.RootElement.GetProperty("campaign_id").GetString(), cut.RootElement.GetProperty("from").GetDecimal(),
            cut.RootElement.GetProperty("to").GetDecimal(), cut.RootElement.GetProperty("auto_approved").GetBoolean(), cut.RootElement.GetProperty("human_reviewer").GetString(),
            cut.RootElement.GetProperty("reverted").GetBoolean()));
        string csv = await (await SendAsync(HttpMethod.Get, $"/api/v1/audit/{day}?format=csv")).Content.ReadAsStringAsync();
        Assert.StartsWith("timestamp,action,campaign_id,from,to,reason,auto_approved,human_reviewer,reverted,", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Get, $"/api/v1/audit/{day}?format=xml")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Get, "/api/v1/audit/yesterday")).StatusCode);
    }

    private async Task<JsonElement> CampaignsAsync() =>
        (await (await SendAsync(HttpMethod.Get, "/api/v1/marketing/campaigns")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaigns");

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null) => _app.SendAsync(method, path, Key, body);
}
