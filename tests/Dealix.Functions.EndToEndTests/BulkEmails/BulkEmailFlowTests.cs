using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Orchestrations.BulkEmails.Rules;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach.Rules;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Dealix.Functions.EndToEndTests.BulkEmails;

/// <summary>
/// The bulk e-mail (§17.5) on real Kestrel and Azurite with the loopback SMTP server: bad requests are 400 and store
/// nothing; an accepted request reports its exclusions, is idempotent by request id and waits as one <c>loop_action</c>
/// in the approval center; approved through the approval center's route, each recipient gets exactly one message, with
/// the approved subject and text, its own opt-out headers and nothing for the excluded ones. The host runs on the wall
/// clock, so when the test runs outside the first-touch send window (Sun–Thu 09:00–17:00 AST, §10.6) the approved bulk
/// must instead wait for the window with nothing sent (the virtual-clock tests cover the send after the wait). A rejected
/// bulk sends nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class BulkEmailFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);
    private readonly string _tenant = "bk" + Guid.NewGuid().ToString("N")[..8];
    private FakeSmtpServer _smtp = null!;
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _smtp = new FakeSmtpServer();
        _app = await TestApp.StartAsync(azurite.Azurite, TestApp.CreateScriptRoot("Bulk" + Guid.NewGuid().ToString("N")[..10]), new Dictionary<string, string?>
        {
            ["Approvals:CallbackSigningKey"] = "e2e-callback-signing-key-0123456789abcdef",
            ["Deals:WarmUpClassifier"] = "false",
            ["Deals:LiveSend:Email"] = "true",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:FromAddress"] = "growth@dealix.example",
            ["Smtp:FromName"] = "Dealix",
            ["Smtp:UnsubscribeBaseUrl"] = "https://dealix.example/u",
            ["Smtp:UnsubscribeMailbox"] = "unsubscribe@dealix.example",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task BulkEmail_ApprovedInTheApprovalCenter_EachRecipientOnceThroughSmtp_RejectedSendsNothing()
    {
        string import = """
            {"prospects":[
              {"prospect_id":"p1","company_name":"شركة الأفق","sector":"real_estate","city":"Riyadh","role_or_title":"مدير المبيعات","email":"fahad@alofoq.sa","source":"customer_upload"},
              {"prospect_id":"p2","company_name":"مصنع الخليج","sector":"manufacturing","city":"Dammam","role_or_title":"CEO","email":"ceo@gulf-factory.sa","source":"customer_upload"},
              {"prospect_id":"p3","company_name":"مكتب سارة","sector":"professional_services","city":"Jeddah","role_or_title":"Owner","email":"sara@gmail.com","source":"form"},
              {"prospect_id":"p4","company_name":"قائمة مشتراة","sector":"logistics","city":"Riyadh","role_or_title":"Ops","email":"ops@bought.sa","source":"customer_upload","source_flagged_scraped_or_purchased":true}
            ]}
            """;
        HttpResponseMessage imported = await SendAsync(HttpMethod.Post, "/api/v1/prospects/import", import);
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        string body = "هلا، Dealix يساعد فريقكم يتابع الاستفسارات بسرعة وبموافقتكم قبل أي رسالة. " + OutreachRules.OptOutLineArabic;
        string Request(string id, string text, string recipients) =>
            JsonSerializer.Serialize(new { request_id = id, subject = "متابعة منظمة لعملائكم", body = text, recipients = JsonSerializer.Deserialize<string[]>(recipients) });

        // Bad requests: 400 (422 when nobody can be e-mailed), and nothing stored.
        HttpResponseMessage claim = await SendAsync(HttpMethod.Post, "/api/v1/outreach/bulk-emails", Request("r1", "نضمن لكم نتائج فورية. " + OutreachRules.OptOutLineArabic, """["p1"]"""));
        Assert.Equal(HttpStatusCode.BadRequest, claim.StatusCode);
        Assert.Contains("prohibited_claim:guaranteed_results", await claim.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/outreach/bulk-emails", Request("r1", "Dealix يساعدكم.", """["p1"]"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/outreach/bulk-emails", Request("r1", body, """["p1","p1"]"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/outreach/bulk-emails", Request("r 1", body, """["p1"]"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/outreach/bulk-emails", Request("r1", body, "[]"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SendAsync(HttpMethod.Post, "/api/v1/outreach/bulk-emails", Request("r1", body, """["p3","p4","nobody"]"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"/api/v1/outreach/bulk-emails/{BulkEmailRules.BulkId(_tenant, "r1")}")).StatusCode);
        Assert.Empty(await PendingApprovalsAsync());

        // Accepted: the exclusions with their reasons; the same request again is the same bulk; another body under its id is 409.
        string accepted = Request("r1", body, """["p1","p2","p3","p4","nobody"]""");
        HttpResponseMessage created = await SendAsync(HttpMethod.Post, "/api/v1/outreach/bulk-emails", accepted);
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        JsonElement bulk = await created.Content.ReadFromJsonAsync<JsonElement>();
        string bulkId = bulk.GetProperty("bulk_id").GetString()!;
        Assert.Equal((2, "customer_facing", "pending_approval"), (bulk.GetProperty("recipients").GetInt32(), bulk.GetProperty("verdict").GetProperty("code").GetString(), bulk.GetProperty("status").GetString()));
        Assert.Equal(["nobody: unknown_prospect", "p3: needs_review,personal_email_manual_channel_preferred,pdpl_free_email_domain", "p4: high_risk"],
            bulk.GetProperty("excluded").EnumerateArray().Select(e => $"{e.GetProperty("prospect_id").GetString()}: {string.Join(',', e.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()))}"));
        HttpResponseMessage again = await SendAsync(HttpMethod.Post, "/api/v1/outreach/bulk-emails", accepted);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(bulkId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bulk_id").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, "/api/v1/outreach/bulk-emails", Request("r1", body, """["p1"]"""))).StatusCode);

        // One approval in the approval center; nothing sent before it.
        JsonElement item = await Eventually.MatchAsync(async () => (await PendingApprovalsAsync()).FirstOrDefault(),
            i => i.ValueKind == JsonValueKind.Object, "the bulk's approval", Bound);
        Assert.Equal(("loop_action", "bulk_email", BulkEmailRules.ApprovalId(bulkId)),
            (item.GetProperty("kind").GetString(), item.GetProperty("action").GetString(), item.GetProperty("approval_id").GetString()));
        Assert.Contains(body, item.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Single(await PendingApprovalsAsync());
        Assert.Empty(_smtp.Deliveries);

        // Approved through the approval center's route.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"/api/v1/approval-center/{BulkEmailRules.ApprovalId(bulkId)}/approve", """{"reviewer":"founder-1"}""")).StatusCode);
        JsonElement progress = await Eventually.MatchAsync(() => GetAsync(bulkId),
            p => p.GetProperty("status").GetString() is "completed" or "waiting_for_send_window", "the bulk to send or wait for its window", Bound);
        Assert.Equal("founder-1", progress.GetProperty("decided_by").GetString());
        JsonElement counts = progress.GetProperty("counts");
        if (progress.GetProperty("status").GetString() == "completed")
        {
            Assert.Equal((0, 2, 0, 0, 3), (counts.GetProperty("queued").GetInt32(), counts.GetProperty("sent").GetInt32(), counts.GetProperty("skipped").GetInt32(),
                counts.GetProperty("failed").GetInt32(), counts.GetProperty("excluded").GetInt32()));
            Assert.Equal(2, _smtp.Deliveries.Count);
            Assert.Equal(["RCPT TO:<ceo@gulf-factory.sa>", "RCPT TO:<fahad@alofoq.sa>"], _smtp.Deliveries.SelectMany(d => d.RcptTo).Order(StringComparer.Ordinal));
            foreach (SmtpDelivery delivery in _smtp.Deliveries)
            {
                MimeMessage mail = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(delivery.Data)));
                Assert.StartsWith("MAIL FROM:<growth@dealix.example>", delivery.MailFrom, StringComparison.Ordinal);
                Assert.Equal("متابعة منظمة لعملائكم", mail.Subject);
                Assert.Contains(body, mail.TextBody, StringComparison.Ordinal);
                Assert.StartsWith("<https://dealix.example/u/u1." + _tenant + ".", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
                Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
                Assert.Matches("^b[0-9a-f]{30}@dealix.example$", mail.MessageId);
            }

            IReadOnlyList<AuditEntry> ledger = await _app.Services.GetRequiredService<IAuditLedger>().ListAsync(_tenant);
            Assert.Equal(2, ledger.Count(e => e.Action == "send" && e.Outcome == "sent"));
            Assert.Contains(ledger, e => e.Action == "bulk_email" && e.Actor == "founder-1" && e.Outcome == "applied");
        }
        else
        {
            DateTime next = progress.GetProperty("next_send_at").GetDateTime().ToUniversalTime();
            Assert.Equal(SendWindows.NextOpen(DraftKind.FirstTouch, DateTime.UtcNow), next);
            Assert.Equal((2, 0), (counts.GetProperty("queued").GetInt32(), counts.GetProperty("sent").GetInt32()));
            Assert.Empty(_smtp.Deliveries);
        }

        // A second bulk, rejected: nothing is sent to anyone, and its recipients are closed.
        HttpResponseMessage second = await SendAsync(HttpMethod.Post, "/api/v1/outreach/bulk-emails", Request("r2", body, """["p1","p2"]"""));
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        string secondId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bulk_id").GetString()!;
        await Eventually.MatchAsync(PendingApprovalsAsync, items => items.Count == 1, "the second approval", Bound);
        int before = _smtp.Deliveries.Count;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"/api/v1/approval-center/{BulkEmailRules.ApprovalId(secondId)}/reject",
            """{"reviewer":"founder-1","reason_code":"tone"}""")).StatusCode);
        JsonElement rejected = await Eventually.MatchAsync(() => GetAsync(secondId), p => p.GetProperty("status").GetString() == "rejected", "the rejection", Bound);
        Assert.Equal(2, rejected.GetProperty("counts").GetProperty("skipped").GetInt32());
        Assert.Equal(before, _smtp.Deliveries.Count);
    }

    private async Task<JsonElement> GetAsync(string bulkId) =>
        await (await SendAsync(HttpMethod.Get, $"/api/v1/outreach/bulk-emails/{bulkId}")).Content.ReadFromJsonAsync<JsonElement>();

    private async Task<List<JsonElement>> PendingApprovalsAsync()
    {
        JsonElement list = await (await SendAsync(HttpMethod.Get, "/api/v1/approval-center")).Content.ReadFromJsonAsync<JsonElement>();
        return [.. list.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("status").GetString() == "pending_approval")];
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
