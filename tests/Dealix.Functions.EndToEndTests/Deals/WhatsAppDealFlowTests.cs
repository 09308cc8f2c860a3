using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.EndToEndTests.Deals;

/// <summary>
/// Issue 5's acceptance flow on real Kestrel, real Azurite and a loopback Graph API: a signed WhatsApp price question
/// creates a deal, a draft and a pending approval; approving through the callback URL sends exactly one message with
/// the Cloud API's request shape; redelivery and forgery change nothing; an unsubscribe ends the deal; the kill switch
/// holds even approved drafts until it is turned off.
/// </summary>
/// <remarks>Runs on the Dealix engine; <see cref="WhatsAppDealFlowOnAzureStorageTests"/> runs the same facts on Microsoft's.</remarks>
[Collection(AzuriteCollection.Name)]
public class WhatsAppDealFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AppSecret = "e2e-whatsapp-app-secret";
    private const string PhoneNumberId = "106540352242922";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5); // the first classification may wait for the model

    private readonly string _tenant = "e2e" + Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;
    private FakeGraphApi _graph = null!;

    private HttpClient Http => _app.Client;

    /// <summary>host.json <c>storageProvider.type</c> the app runs on.</summary>
    protected virtual string Provider => "Dealix";

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphApi.StartAsync();
        _app = await TestApp.StartAsync(azurite.Azurite, TestApp.CreateScriptRoot("Deals" + Guid.NewGuid().ToString("N")[..10], Provider), new Dictionary<string, string?>
        {
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:VerifyToken"] = "e2e-verify",
            ["WhatsApp:GraphBaseUrl"] = _graph.BaseUrl,
            ["WhatsApp:GraphVersion"] = "v23.0",
            ["WhatsApp:PhoneNumberId"] = PhoneNumberId,
            ["WhatsApp:AccessToken"] = "e2e-access-token",
            [$"WhatsApp:Tenants:{PhoneNumberId}"] = _tenant,
            ["Deals:LiveSend:WhatsApp"] = "true",
            ["Deals:WarmUpClassifier"] = "true",
            ["Approvals:CallbackSigningKey"] = "e2e-callback-signing-key-0123456789abcdef",
            ["Outbox:PausedRetryDelay"] = "00:00:01",
            ["Smtp:InboundSecret"] = "e2e-email-secret",
            ["Email:Tenants:acme.example"] = _tenant,
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task WhatsAppInbound_SignedPriceQuestion_DraftApprovedByCallbackIsSentOnce()
    {
        string contact = "966511111111";
        string dealId = DealKeys.DealInstanceId(_tenant, DealKeys.ContactId(_tenant, MessageChannel.WhatsApp, contact));
        byte[] body = Inbound(contact, "wamid.E2E-1", "السلام عليكم، كم السعر؟");

        HttpResponseMessage first = await PostWebhookAsync(body, Sign(body));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        string correlationId = first.Headers.GetValues("X-Correlation-Id").Single();

        JsonElement draft = await Eventually.MatchAsync(() => PendingAsync(), items => items.GetArrayLength() == 1, "a pending draft", Bound);
        draft = draft[0];
        Assert.Equal("ask_price", draft.GetProperty("category").GetString());
        Assert.Equal(correlationId, draft.GetProperty("correlation_id").GetString());
        // The stage is the orchestration's custom status, committed with its episode; the draft row is written by an
        // activity of that episode, so it can be seen first (on Microsoft's engine, whose episode completes after a
        // queue round trip, it often is).
        await Eventually.MatchAsync(() => StageAsync(dealId), s => s == "qualifying", "the deal to reach qualifying", Bound);

        // Redelivery and forgery change nothing.
        JsonElement again = await (await PostWebhookAsync(body, Sign(body))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, again.GetProperty("duplicates").GetInt32());
        byte[] forged = Inbound(contact, "wamid.E2E-FORGED", "كم السعر؟");
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostWebhookAsync(forged, Sign(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostWebhookAsync(forged, null)).StatusCode);

        // Approve through the signed callback URL: exactly one message, in the Cloud API's shape.
        string approveUrl = PathOf(draft.GetProperty("approve_url").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(approveUrl)).StatusCode); // the confirmation page decides nothing
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync(approveUrl, null)).StatusCode);
        await Eventually.MatchAsync(() => Task.FromResult(_graph.Requests.Count), n => n >= 1, "the provider to receive the reply", Bound);
        (string path, string? authorization, string? contentType, string sent) = Assert.Single(_graph.Requests);
        Assert.Equal($"/v23.0/{PhoneNumberId}/messages", path);
        Assert.Equal("Bearer e2e-access-token", authorization);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        using (JsonDocument shape = JsonDocument.Parse(sent))
        {
            JsonElement root = shape.RootElement;
            Assert.Equal(["messaging_product", "recipient_type", "to", "type", "text"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(("whatsapp", "individual", contact, "text"), (root.GetProperty("messaging_product").GetString(), root.GetProperty("recipient_type").GetString(),
                root.GetProperty("to").GetString(), root.GetProperty("type").GetString()));
            Assert.False(root.GetProperty("text").GetProperty("preview_url").GetBoolean());
            Assert.Equal(draft.GetProperty("text").GetString(), root.GetProperty("text").GetProperty("body").GetString());
        }

        // The used link is refused and the attempt is on the ledger; redelivering the webhook still sends nothing more.
        Assert.Equal(HttpStatusCode.Forbidden, (await Http.PostAsync(approveUrl, null)).StatusCode);
        await PostWebhookAsync(body, Sign(body));
        IAuditLedger ledger = _app.Services.GetRequiredService<IAuditLedger>();
        IReadOnlyList<AuditEntry> steps = await Eventually.MatchAsync(() => ledger.ListAsync(_tenant, correlationId),
            l => l.Any(e => e.Action == "send" && e.Outcome == "sent"), "the send on the ledger", Bound);
        Assert.Equal(["classify", "stage_transition", "draft_created", "draft_decided", "send_queued", "send"],
            steps.Select(e => e.Action).Where(a => a != "callback_refused"));
        Assert.Contains(await ledger.ListAsync(_tenant), e => e.Action == "callback_refused" && e.Reason == "already_used");
        Assert.Single(_graph.Requests);

        // Unsubscribe ends the deal; later messages draft nothing.
        byte[] stop = Inbound(contact, "wamid.E2E-2", "إلغاء الاشتراك");
        await PostWebhookAsync(stop, Sign(stop));
        await Eventually.MatchAsync(() => StageAsync(dealId), s => s == "opted_out", "the deal to opt out", Bound);
        byte[] later = Inbound(contact, "wamid.E2E-3", "كم السعر؟");
        await PostWebhookAsync(later, Sign(later));
        await Eventually.MatchAsync(() => ledger.ListAsync(_tenant), l => l.Any(e => e.Action == "inbound_from_suppressed"), "the suppressed message on the ledger", Bound);
        Assert.Equal(0, (await PendingAsync()).GetArrayLength());
        Assert.Single(_graph.Requests);
    }

    [Fact]
    public async Task KillSwitch_On_HoldsEvenApprovedDraftsUntilTurnedOff()
    {
        string contact = "966522222222";
        byte[] body = Inbound(contact, "wamid.KS-1", "كم السعر؟");
        await PostWebhookAsync(body, Sign(body));
        JsonElement draft = (await Eventually.MatchAsync(() => PendingAsync(), items => items.GetArrayLength() == 1, "a pending draft", Bound))[0];

        Assert.Equal(HttpStatusCode.OK, (await AdminAsync("pause")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync(PathOf(draft.GetProperty("approve_url").GetString()!), null)).StatusCode);
        IAuditLedger ledger = _app.Services.GetRequiredService<IAuditLedger>();
        string correlationId = draft.GetProperty("correlation_id").GetString()!;
        await Eventually.MatchAsync(() => ledger.ListAsync(_tenant, correlationId), l => l.Any(e => e.Action == "send_queued"), "the approved draft to be queued", Bound);
        await Task.Delay(TimeSpan.FromSeconds(4)); // several held rounds of the outbox
        Assert.Empty(_graph.Requests);

        Assert.Equal(HttpStatusCode.OK, (await AdminAsync("resume")).StatusCode);
        await Eventually.MatchAsync(() => Task.FromResult(_graph.Requests.Count), n => n == 1, "the held draft to be sent after resume", Bound);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(_graph.Requests);
    }

    [Fact]
    public async Task Callback_TamperedOrOtherTenantToken_Is403AndAudited()
    {
        byte[] body = Inbound("966533333333", "wamid.CB-1", "كم السعر؟");
        await PostWebhookAsync(body, Sign(body));
        JsonElement draft = (await Eventually.MatchAsync(() => PendingAsync(), items => items.GetArrayLength() == 1, "a pending draft", Bound))[0];
        string approveUrl = PathOf(draft.GetProperty("approve_url").GetString()!);
        string rejectUrl = PathOf(draft.GetProperty("reject_url").GetString()!);

        string tampered = approveUrl[..^3] + (approveUrl[^3] == 'A' ? "B" : "A") + approveUrl[^2..];
        string otherTenant = approveUrl.Replace($"tenant={_tenant}", "tenant=globex", StringComparison.Ordinal);
        string otherDraft = approveUrl.Replace(draft.GetProperty("approval_id").GetString()!, "d0000000000000000000000000000000", StringComparison.Ordinal);
        foreach (string url in new[] { tampered, otherTenant, otherDraft })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await Http.PostAsync(url, null)).StatusCode);
        }

        IAuditLedger ledger = _app.Services.GetRequiredService<IAuditLedger>();
        Assert.Contains(await ledger.ListAsync(_tenant), e => e.Action == "callback_refused" && e.Reason == "bad_signature");
        Assert.Contains(await ledger.ListAsync("globex"), e => e.Action == "callback_refused" && e.Reason == "wrong_tenant");
        Assert.Contains(await ledger.ListAsync(_tenant), e => e.Action == "callback_refused" && e.Reason == "wrong_draft");

        // None of that decided anything: the reject link still works, and then the approve link is too late.
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync(rejectUrl, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Http.PostAsync(approveUrl, null)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task OsAndAutomationApi_ClassifyAndProcess_WithoutSideEffects()
    {
        JsonElement classified = await PostJsonAsync("/api/v1/automation/reply/classify", """{"text":"السلام عليكم، كم السعر؟"}""");
        Assert.Equal(("ask_price", false), (classified.GetProperty("category").GetString(), classified.GetProperty("auto_reply_allowed").GetBoolean()));

        JsonElement processed = (await PostJsonAsync("/api/v1/os/process", """{"text":"كم السعر؟","stage":"proposal_sent"}""")).GetProperty("result");
        Assert.Equal(("proposal_sent", "negotiating"), (processed.GetProperty("next_stage").GetString(), processed.GetProperty("proposed_stage").GetString()));

        JsonElement compliance = await PostJsonAsync("/api/v1/automation/compliance/check", """{"channel":"email","address":"lead@gmail.com"}""");
        Assert.Equal("warn", compliance.GetProperty("outcome").GetString());

        var stages = new HttpRequestMessage(HttpMethod.Get, "/api/v1/os/stages");
        stages.Headers.Add("x-functions-key", TestApp.HostKey);
        JsonElement table = await (await Http.SendAsync(stages)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(13, table.GetProperty("stages").GetArrayLength());
        Assert.Equal(0, (await PendingAsync()).GetArrayLength());
    }

    [Fact]
    public async Task SupportClassify_DataLeakTicket_IsP0WithOwnersSlaAndTemplate_AndBadInputIs400()
    {
        JsonElement ticket = await PostJsonAsync(
            "/api/v1/customer-ops/support/classify", """{"subject":"تسريب بيانات","body":"شفنا بيانات عملائنا ظاهرة لشركة ثانية في التقرير"}""");

        Assert.Equal("P0", ticket.GetProperty("priority").GetString());
        Assert.Contains("founder", ticket.GetProperty("owners").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(30, ticket.GetProperty("sla").GetProperty("first_response_minutes").GetDouble());
        Assert.Contains("30", ticket.GetProperty("first_response").GetString(), StringComparison.Ordinal);
        Assert.True(ticket.GetProperty("approval_required").GetBoolean());
        Assert.False(ticket.GetProperty("live_send_allowed").GetBoolean());

        foreach (string bad in (string[])["""{"subject":"","body":"   "}""", "not json", "[1,2]", """{"subject":7}"""])
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customer-ops/support/classify") { Content = new StringContent(bad, Encoding.UTF8, "application/json") };
            request.Headers.Add("x-functions-key", TestApp.HostKey);
            Assert.Equal(HttpStatusCode.BadRequest, (await Http.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task EmailInbound_SendGridParse_CreatesADraftAndAWrongSecretIs401()
    {
        const string Boundary = "xYzZY";
        string Multipart(string messageId) =>
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"headers\"\r\n\r\nMessage-ID: {messageId}\r\nDate: Sun, 22 Nov 2026 09:00:00 +0300\r\n" +
            $"\r\n--{Boundary}\r\nContent-Disposition: form-data; name=\"from\"\r\n\r\nFahad <fahad@lead.sa>\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\nsales@acme.example\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\nRe: Dealix\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nكم السعر؟\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"charsets\"\r\n\r\n{{\"text\":\"UTF-8\"}}\r\n--{Boundary}--\r\n";
        async Task<HttpResponseMessage> PostAsync(string secret, string messageId)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Multipart(messageId)));
            content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");
            return await Http.PostAsync($"/api/v1/webhooks/email?secret={secret}", content);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("wrong", "<m0@lead.sa>")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("e2e-email-secret", "<m1@lead.sa>")).StatusCode);

        JsonElement draft = (await Eventually.MatchAsync(() => PendingAsync(), items => items.GetArrayLength() == 1, "an e-mail draft", Bound))[0];
        Assert.Equal(("email", "ask_price"), (draft.GetProperty("channel").GetString(), draft.GetProperty("category").GetString()));
        JsonElement duplicate = await (await PostAsync("e2e-email-secret", "<m1@lead.sa>")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("duplicate", duplicate.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Verification_Handshake_EchoesTheChallengeOnlyForTheRightToken()
    {
        HttpResponseMessage ok = await Http.GetAsync("/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=e2e-verify&hub.challenge=1158201444");
        Assert.Equal((HttpStatusCode.OK, "1158201444"), (ok.StatusCode, await ok.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await Http.GetAsync("/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")).StatusCode);
    }

    private static byte[] Inbound(string from, string messageId, string text) => Encoding.UTF8.GetBytes(
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\",\"value\":{" +
        "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"966500000000\",\"phone_number_id\":\"" + PhoneNumberId + "\"}," +
        "\"contacts\":[{\"profile\":{\"name\":\"Lead\"},\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + messageId + "\"," +
        "\"timestamp\":\"" + DateTimeOffset.UtcNow.ToUnixTimeSeconds() + "\",\"type\":\"text\",\"text\":{\"body\":" + Escaped(text) + "}}]}}]}]}");

    // Meta sends non-ASCII escaped as \uXXXX: sign and send exactly those bytes.
    private static string Escaped(string text) => "\"" + string.Concat(text.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:x4}")) + "\"";

    private static string Sign(byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), body));

    private Task<HttpResponseMessage> PostWebhookAsync(byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }

        return Http.SendAsync(request);
    }

    private async Task<JsonElement> PostJsonAsync(string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-functions-key", TestApp.HostKey);
        HttpResponseMessage response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> PendingAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/approval-center?tenant={_tenant}");
        request.Headers.Add("x-functions-key", TestApp.MasterKey); // the host key is bound to no tenant; the master key is admin
        HttpResponseMessage response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
    }

    private async Task<string?> StageAsync(string instanceId)
    {
        HttpResponseMessage response = await Http.GetAsync($"/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(instanceId)}?code={TestApp.SystemKey}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        JsonElement status = await response.Content.ReadFromJsonAsync<JsonElement>();
        return status.TryGetProperty("customStatus", out JsonElement custom) && custom.ValueKind == JsonValueKind.Object
            ? custom.GetProperty("stage").GetString()
            : null;
    }

    private Task<HttpResponseMessage> AdminAsync(string action)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/kill-switch/{action}");
        request.Headers.Add("x-functions-key", TestApp.MasterKey);
        request.Headers.Add("X-Operator-Id", "founder");
        return Http.SendAsync(request);
    }

    private static string PathOf(string url) => new Uri(url).PathAndQuery;
}
