using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.EndToEndTests.Outreach;

/// <summary>
/// Issue 16 item 2 on real Kestrel and Azurite: prospects imported through the API (a bad import changes nothing), the
/// daily pipeline run through the API, and its drafts waiting in the approval center — each with its approval
/// instance and callback URLs — and nothing sent.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class DailyPipelineFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);
    private readonly string _tenant = "e2e" + Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await TestApp.StartAsync(azurite.Azurite, TestApp.CreateScriptRoot("Pipeline" + Guid.NewGuid().ToString("N")[..10]), new Dictionary<string, string?>
        {
            ["Approvals:CallbackSigningKey"] = "e2e-callback-signing-key-0123456789abcdef",
            ["Deals:LiveSend:Email"] = "true",
        });

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task DailyPipeline_ImportedProspects_EndAsDraftsInTheApprovalCenterAndNothingIsSent()
    {
        string bad = """{"prospects":[{"prospect_id":"p1","company_name":"X","sector":"mining","city":"Riyadh","source":"customer_upload","email":"a@x.sa"}]}""";
        HttpResponseMessage refused = await SendAsync(HttpMethod.Post, "/api/v1/prospects/import", bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("sector", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await (await SendAsync(HttpMethod.Get, "/api/v1/prospects")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());

        string import = """
            {"prospects":[
              {"prospect_id":"p1","company_name":"شركة الأفق العقارية","sector":"real_estate","city":"Riyadh","contact_name":"فهد","role_or_title":"مدير المبيعات",
               "email":"fahad@alofoq.sa","source":"customer_upload","sector_fit":25,"signal_strength":20,"size_fit":15,"uses_hubspot":true,"last_signal_at":"2026-11-20T08:00:00Z"},
              {"prospect_id":"p2","company_name":"مصنع الخليج","sector":"manufacturing","city":"Dammam","role_or_title":"CEO",
               "email":"ceo@gulf-factory.sa","phone":"+966 50 123 4567","source":"event","source_reference":"LEAP 2026","sector_fit":20,
               "whatsapp_opt_in":{"source":"event","captured_at":"2026-10-01T09:00:00Z","wording_shown":"أوافق على رسائل واتساب","evidence_ref":"leap-form-17"}},
              {"prospect_id":"p3","company_name":"مكتب سارة للاستشارات","sector":"professional_services","city":"Jeddah","email":"sara@gmail.com","source":"form"},
              {"prospect_id":"p4","company_name":"قائمة مشتراة","sector":"logistics","city":"Riyadh","email":"ops@bought.sa","source":"customer_upload","source_flagged_scraped_or_purchased":true}
            ]}
            """;
        HttpResponseMessage imported = await SendAsync(HttpMethod.Post, "/api/v1/prospects/import", import);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(4, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());

        HttpResponseMessage started = await SendAsync(HttpMethod.Post, "/api/v1/automation/daily-pipeline/run", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        string statusUrl = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status_url").GetString()!;
        JsonElement run = await Eventually.MatchAsync(async () => await (await SendAsync(HttpMethod.Get, statusUrl, null)).Content.ReadFromJsonAsync<JsonElement>(),
            r => r.GetProperty("runtime_status").GetString() is "Completed" or "Failed", "the pipeline run to end", Bound);
        Assert.Equal("Completed", run.GetProperty("runtime_status").GetString());
        JsonElement output = run.GetProperty("output");
        Assert.Equal(("completed", 4, 3), (output.GetProperty("status").GetString(), output.GetProperty("candidates").GetInt32(), output.GetProperty("selected").GetInt32()));
        Assert.Equal(3, output.GetProperty("drafted").GetArrayLength());

        JsonElement items = (await (await SendAsync(HttpMethod.Get, "/api/v1/approval-center", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
        Assert.Equal(3, items.GetArrayLength());
        Assert.All(items.EnumerateArray(), i =>
        {
            Assert.Equal(("first_touch", "pending_approval", "new_lead"), (i.GetProperty("kind").GetString(), i.GetProperty("status").GetString(), i.GetProperty("stage").GetString()));
            Assert.StartsWith("http", i.GetProperty("approve_url").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(["email", "email", "linkedin"], items.EnumerateArray().Select(i => i.GetProperty("channel").GetString()).Order());
        Assert.Contains(items.EnumerateArray(), i => i.GetProperty("text").GetString()!.Contains("HubSpot", StringComparison.Ordinal));

        // Each draft waits in its own approval (SLA reminders, expiry, callbacks), as deal drafts do.
        foreach (JsonElement item in items.EnumerateArray())
        {
            string approval = DealKeys.ApprovalInstanceId(_tenant, item.GetProperty("approval_id").GetString()!);
            JsonElement instance = await Eventually.MatchAsync(async () =>
                {
                    HttpResponseMessage r = await _app.Client.GetAsync($"/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(approval)}?code={TestApp.SystemKey}");
                    // The status endpoint answers 202 while the instance runs (200 once it ended).
                    return r.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK ? await r.Content.ReadFromJsonAsync<JsonElement>() : default;
                }, i => i.ValueKind == JsonValueKind.Object && i.GetProperty("runtimeStatus").GetString() == "Running", "the approval to wait", Bound);
            Assert.Equal("DraftApproval", instance.GetProperty("name").GetString());
        }

        // Nothing was sent: no send on the ledger, every draft still pending; the prospects are marked contacted.
        IReadOnlyList<AuditEntry> ledger = await _app.Services.GetRequiredService<IAuditLedger>().ListAsync(_tenant);
        Assert.DoesNotContain(ledger, e => e.Action is "send" or "send_queued");
        Assert.Contains(ledger, e => e.Action == "daily_pipeline_run" && e.Outcome == "completed");
        Assert.Equal(3, ledger.Count(e => e.Action == "draft_created"));
        JsonElement prospects = (await (await SendAsync(HttpMethod.Get, "/api/v1/prospects", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
        Assert.Equal(3, prospects.EnumerateArray().Count(p => p.GetProperty("last_contacted_at").ValueKind == JsonValueKind.String));
        DraftPage all = await _app.Services.GetRequiredService<IDraftStore>().ListAsync(_tenant, new DraftQuery(Status: DraftStatus.PendingApproval));
        Assert.Equal(3, all.Items.Count);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path.Contains('?', StringComparison.Ordinal) ? $"{path}&tenant={_tenant}" : $"{path}?tenant={_tenant}");
        request.Headers.Add("x-functions-key", TestApp.MasterKey); // admin: acts on the named tenant
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return _app.Client.SendAsync(request);
    }
}
