using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Dealix.Functions.EndToEndTests.Notifications;

/// <summary>
/// Issue 14 item 4 on real Kestrel, real Azurite, a loopback SMTP server and loopback Graph and team-chat receivers: a
/// send whose answer is lost (<c>send_unknown</c>) reaches the founder by e-mail and WhatsApp and the team chat by a
/// signed webhook, each exactly once; the founder's <c>/dealix-pause-ai</c> from WhatsApp engages the kill switch and is
/// no lead message, and <c>/dealix-resume-ai</c> releases it.
/// </summary>
[Collection(AzuriteCollection.Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class OperatorAlertsFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AppSecret = "e2e-whatsapp-app-secret";
    private const string PhoneNumberId = "106540352242922";
    private const string Founder = "966500000001";
    private const string Lead = "966544444444";
    private const string HookSecret = "e2e-team-chat-secret-0123456789";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5); // the first classification may wait for the model

    private readonly string _tenant = "e2e" + Guid.NewGuid().ToString("N")[..8];
    private FakeSmtpServer _smtp = null!;
    private TestApp _app = null!;
    private FakeOperatorChannels _channels = null!;

    private HttpClient Http => _app.Client;

    public async Task InitializeAsync()
    {
        _smtp = new FakeSmtpServer();
        _channels = await FakeOperatorChannels.StartAsync(HookSecret, Lead);
        _app = await TestApp.StartAsync(azurite.Azurite, TestApp.CreateScriptRoot("Alerts" + Guid.NewGuid().ToString("N")[..10]), new Dictionary<string, string?>
        {
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:GraphBaseUrl"] = _channels.BaseUrl,
            ["WhatsApp:GraphVersion"] = "v23.0",
            ["WhatsApp:PhoneNumberId"] = PhoneNumberId,
            ["WhatsApp:AccessToken"] = "e2e-access-token",
            [$"WhatsApp:Tenants:{PhoneNumberId}"] = _tenant,
            ["Deals:LiveSend:WhatsApp"] = "true",
            ["Deals:WarmUpClassifier"] = "true",
            ["Approvals:CallbackSigningKey"] = "e2e-callback-signing-key-0123456789abcdef",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:FromAddress"] = "alerts@dealix.example",
            ["Operators:Contacts:founder:Tenant"] = "*",
            ["Operators:Contacts:founder:Role"] = "founder",
            ["Operators:Contacts:founder:Email"] = "founder@dealix.example",
            ["Operators:Contacts:founder:WhatsApp"] = "+" + Founder,
            ["Operators:Webhooks:chat:Tenant"] = _tenant,
            ["Operators:Webhooks:chat:Url"] = _channels.BaseUrl + "/hooks/team-chat",
            ["Operators:Webhooks:chat:Secret"] = HookSecret,
            ["Operators:LiveSend:Email"] = "true",
            ["Operators:LiveSend:WhatsApp"] = "true",
            ["Operators:LiveSend:Webhook"] = "true",
        });
    }

    public async Task DisposeAsync()
    {
        // The kill switch is global in the shared Azurite: never leave it on for the next test.
        await _app.Services.GetRequiredService<IKillSwitch>().SetAsync(false, "e2e-cleanup", "e2e-cleanup");
        await _app.DisposeAsync();
        await _channels.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task SendUnknownAndPauseCommand_ReachTheOperatorOnEveryChannelOnce_AndThePauseEngagesTheKillSwitch()
    {
        // A lead's question, its draft approved; the provider's answer to the send is lost: send_unknown.
        byte[] question = Inbound(Lead, "wamid.AL-1", "السلام عليكم، كم السعر؟");
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(question)).StatusCode);
        JsonElement draft = (await Eventually.MatchAsync(() => PendingAsync(), items => items.GetArrayLength() == 1, "a pending draft", Bound))[0];
        string draftId = draft.GetProperty("approval_id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync(new Uri(draft.GetProperty("approve_url").GetString()!).PathAndQuery, null)).StatusCode);

        await Eventually.MatchAsync(() => Task.FromResult((_smtp.Deliveries.Count, _channels.Hooks.Count, _channels.Graph.Count(g => g.To == Founder))),
            n => n.Item1 >= 1 && n.Item2 >= 1 && n.Item3 >= 1, "the send_unknown alert on e-mail, webhook and WhatsApp", Bound);
        await PostWebhookAsync(question); // a redelivered inbound changes nothing
        await Task.Delay(TimeSpan.FromSeconds(3)); // several queue polls: nothing is delivered twice

        SmtpDelivery mail = Assert.Single(_smtp.Deliveries);
        Assert.Contains("<founder@dealix.example>", Assert.Single(mail.RcptTo), StringComparison.Ordinal);
        MimeMessage email = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mail.Data)));
        Assert.Equal($"[Dealix critical] Send outcome unknown for draft {draftId}", email.Subject);
        Assert.DoesNotContain("كم السعر", email.TextBody, StringComparison.Ordinal); // ids only, never the lead's text
        Assert.DoesNotContain(Lead, email.TextBody, StringComparison.Ordinal);
        Assert.Single(_channels.Graph, g => g.To == Lead); // the lost send itself, never retried
        (string path, string? authorization, _, string text) = Assert.Single(_channels.Graph, g => g.To == Founder);
        Assert.Equal(($"/v23.0/{PhoneNumberId}/messages", "Bearer e2e-access-token"), (path, authorization));
        Assert.StartsWith($"[Dealix critical] Send outcome unknown for draft {draftId}", text, StringComparison.Ordinal);
        (bool valid, string delivery, JsonElement hook) = Assert.Single(_channels.Hooks);
        Assert.True(valid);
        Assert.Equal((delivery, _tenant, "send_unknown", "critical"), (hook.GetProperty("delivery_id").GetString(), hook.GetProperty("tenant").GetString(),
            hook.GetProperty("kind").GetString(), hook.GetProperty("severity").GetString()));

        // The founder's pause from WhatsApp: the kill switch is on, on the ledger, confirmed, and no deal is started for it.
        IKillSwitch killSwitch = _app.Services.GetRequiredService<IKillSwitch>();
        IAuditLedger ledger = _app.Services.GetRequiredService<IAuditLedger>();
        JsonElement answer = await (await PostWebhookAsync(Inbound(Founder, "wamid.CMD-1", "/dealix-pause-ai"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 0), (answer.GetProperty("received").GetInt32(), answer.GetProperty("accepted").GetInt32()));
        Assert.True(await killSwitch.IsPausedAsync(_tenant));
        Assert.Contains(await ledger.ListAsync("global"), e => e.Action == "kill_switch_pause" && e.Actor == "operator:founder" && e.Outcome == "paused");
        await Eventually.MatchAsync(() => Task.FromResult(_channels.Hooks.Count), n => n == 2, "the pause confirmation on the team chat", Bound);
        Assert.Equal("kill_switch", _channels.Hooks.Last().Body.GetProperty("kind").GetString());
        string founderDeal = DealKeys.DealInstanceId(_tenant, DealKeys.ContactId(_tenant, MessageChannel.WhatsApp, Founder));
        Assert.Equal(HttpStatusCode.NotFound,
            (await Http.GetAsync($"/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(founderDeal)}?code={TestApp.SystemKey}")).StatusCode);

        // Anyone else's pause changes nothing; the founder's resume releases it.
        await PostWebhookAsync(Inbound("966555555555", "wamid.CMD-2", "/dealix-resume-ai"));
        Assert.True(await killSwitch.IsPausedAsync(_tenant));
        await PostWebhookAsync(Inbound(Founder, "wamid.CMD-3", "/dealix-resume-ai"));
        Assert.False(await killSwitch.IsPausedAsync(_tenant));
    }

    private static byte[] Inbound(string from, string messageId, string text) => Encoding.UTF8.GetBytes(
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\",\"value\":{" +
        "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"966500000000\",\"phone_number_id\":\"" + PhoneNumberId + "\"}," +
        "\"contacts\":[{\"profile\":{\"name\":\"Someone\"},\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + messageId + "\"," +
        "\"timestamp\":\"" + DateTimeOffset.UtcNow.ToUnixTimeSeconds() + "\",\"type\":\"text\",\"text\":{\"body\":" + Escaped(text) + "}}]}}]}]}");

    private static string Escaped(string text) => "\"" + string.Concat(text.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:x4}")) + "\"";

    private Task<HttpResponseMessage> PostWebhookAsync(byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), body)));
        return Http.SendAsync(request);
    }

    private async Task<JsonElement> PendingAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/approval-center?tenant={_tenant}");
        request.Headers.Add("x-functions-key", TestApp.MasterKey);
        HttpResponseMessage response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
    }
}
