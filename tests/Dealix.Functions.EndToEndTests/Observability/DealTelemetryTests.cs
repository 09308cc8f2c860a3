using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Deals;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Dealix.Functions.EndToEndTests.Observability;

/// <summary>
/// The deal slice end to end (signed WhatsApp webhook → draft → approval by callback → provider call, and an inbound
/// e-mail) with every log record and every span captured: none holds a phone number, e-mail address, message body,
/// operator key, callback token or provider secret; and the provider request continues the webhook request's trace.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DealTelemetryTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string AppSecret = "tele-whatsapp-app-secret-5f1c";
    private const string AccessToken = "tele-graph-access-token-93ab";
    private const string VerifyToken = "tele-verify-token-77de";
    private const string SigningKey = "tele-callback-signing-key-0123456789abcdef";
    private const string EmailSecret = "tele-email-secret-41aa";
    private const string PhoneNumberId = "106540352242977";
    private const string Phone = "966533334444";
    private const string Email = "noura.lead@lead-mail.sa";
    private const string WhatsAppText = "السلام عليكم، كم السعر لباقة الشركات؟";
    private const string EmailText = "مرحبا، كم سعر الاشتراك السنوي؟";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5); // the first classification may wait for the model

    private readonly string _tenant = "tel" + Guid.NewGuid().ToString("N")[..8];
    private readonly TelemetryCapture _capture = new();
    private TestApp _app = null!;
    private FakeGraphApi _graph = null!;

    private HttpClient Http => _app.Client;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphApi.StartAsync();
        _app = await TestApp.StartAsync(azurite.Azurite, TestApp.CreateScriptRoot("Tele" + Guid.NewGuid().ToString("N")[..10]), new Dictionary<string, string?>
        {
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:VerifyToken"] = VerifyToken,
            ["WhatsApp:GraphBaseUrl"] = _graph.BaseUrl,
            ["WhatsApp:GraphVersion"] = "v23.0",
            ["WhatsApp:PhoneNumberId"] = PhoneNumberId,
            ["WhatsApp:AccessToken"] = AccessToken,
            [$"WhatsApp:Tenants:{PhoneNumberId}"] = _tenant,
            ["Deals:LiveSend:WhatsApp"] = "true",
            ["Deals:WarmUpClassifier"] = "true",
            ["Approvals:CallbackSigningKey"] = SigningKey,
            ["Smtp:InboundSecret"] = EmailSecret,
            ["Email:Tenants:lead-mail-tenant.example"] = _tenant,
        }, builder =>
        {
            // Everything the app logs at Debug and above, with the production host.json's filter for ASP.NET Core.
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddProvider(_capture);
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _graph.DisposeAsync();
    }

    public void Dispose()
    {
        // What went wrong, if anything: the warnings and errors the app logged.
        foreach (string line in _capture.LogLines.Where(l => l.Contains("|Warning|", StringComparison.Ordinal) || l.Contains("|Error|", StringComparison.Ordinal)).Take(50))
        {
            output.WriteLine(line.Length > 2000 ? line[..2000] : line);
        }

        _capture.Dispose();
    }

    [Fact]
    public async Task DealFlow_NoSecretOrPersonalDataInLogsOrSpans_AndOneTraceFromWebhookToProvider()
    {
        // The webhook request arrives with its own trace (as from a gateway that traces); the provider request must
        // carry the same trace id after the deal's episodes, the approval, the outbox queue and the sender.
        ActivityTraceId traceId = ActivityTraceId.CreateRandom();
        byte[] body = Inbound(Phone, "wamid.TELE-1", WhatsAppText);
        string signature = Sign(body);
        var webhook = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/whatsapp") { Content = new ByteArrayContent(body) };
        webhook.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        webhook.Headers.Add("X-Hub-Signature-256", signature);
        webhook.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        Assert.Equal(HttpStatusCode.OK, (await Http.SendAsync(webhook)).StatusCode);

        JsonElement draft = (await Eventually.MatchAsync(() => PendingAsync(), items => items.GetArrayLength() == 1, "a pending draft", Bound))[0];
        string draftText = draft.GetProperty("text").GetString()!;
        string approveUrl = draft.GetProperty("approve_url").GetString()!;
        string token = Uri.UnescapeDataString(approveUrl[(approveUrl.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..]);
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync(new Uri(approveUrl).PathAndQuery, null)).StatusCode);
        await Eventually.MatchAsync(() => Task.FromResult(_graph.Requests.Count), n => n >= 1, "the provider to receive the reply", Bound);
        IAuditLedger ledger = _app.Services.GetRequiredService<IAuditLedger>();
        await Eventually.MatchAsync(() => ledger.ListAsync(_tenant), l => l.Any(e => e.Action == "send" && e.Outcome == "sent"), "the send on the ledger", Bound);

        Assert.Equal(HttpStatusCode.OK, (await PostEmailAsync()).StatusCode);
        JsonElement emailDraft = await Eventually.MatchAsync(
            async () => (await PendingAsync()).EnumerateArray().FirstOrDefault(d => d.GetProperty("channel").GetString() == "email"),
            d => d.ValueKind == JsonValueKind.Object, "an e-mail draft", Bound);

        // One trace: the provider request's traceparent names the webhook request's trace.
        string? providerTrace = Assert.Single(_graph.TraceParents);
        Assert.NotNull(providerTrace);
        Assert.True(ActivityContext.TryParse(providerTrace, null, out ActivityContext providerContext), providerTrace);
        Assert.Equal(traceId, providerContext.TraceId);

        var secrets = new Dictionary<string, string>
        {
            ["lead phone number"] = Phone,
            ["lead e-mail address"] = Email,
            ["WhatsApp message body"] = WhatsAppText,
            ["e-mail message body"] = EmailText,
            ["reply draft body"] = draftText,
            ["e-mail draft body"] = emailDraft.GetProperty("text").GetString()!,
            ["callback token"] = token,
            ["callback token (escaped)"] = Uri.EscapeDataString(token),
            ["system key"] = TestApp.SystemKey,
            ["host key"] = TestApp.HostKey,
            ["master key"] = TestApp.MasterKey,
            ["WhatsApp app secret"] = AppSecret,
            ["webhook signature"] = signature,
            ["Graph access token"] = AccessToken,
            ["WhatsApp verify token"] = VerifyToken,
            ["callback signing key"] = SigningKey,
            ["inbound e-mail secret"] = EmailSecret,
        };
        // The capture sees the flow (so an empty scan cannot pass): the tenant in the logs, the deal's and the sender's spans.
        Assert.Contains(_capture.LogLines, l => l.Contains(_tenant, StringComparison.Ordinal));
        Assert.Contains(_capture.Spans, s => s.Contains("orchestration DealLifecycle", StringComparison.Ordinal));
        Assert.Contains(_capture.Spans, s => s.Contains("OutboxSend deliver", StringComparison.Ordinal));
        var leaks = (from source in new[] { ("log", _capture.LogLines.ToArray()), ("span", _capture.Spans.ToArray()) }
                     from line in source.Item2
                     from secret in secrets
                     where line.Contains(secret.Value, StringComparison.Ordinal)
                     select $"{source.Item1} has the {secret.Key}: {line}").Distinct().ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} leak(s) in {_capture.LogLines.Count} log lines and {_capture.Spans.Count} spans:\n" + string.Join("\n", leaks));
    }

    private Task<HttpResponseMessage> PostEmailAsync()
    {
        const string Boundary = "tElEbOuNd";
        string multipart =
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"headers\"\r\n\r\nMessage-ID: <tele-1@lead-mail.sa>\r\nDate: Sun, 22 Nov 2026 09:00:00 +0300\r\n" +
            $"\r\n--{Boundary}\r\nContent-Disposition: form-data; name=\"from\"\r\n\r\nNoura <{Email}>\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\nsales@lead-mail-tenant.example\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\nRe: Dealix\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n{EmailText}\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"charsets\"\r\n\r\n{{\"text\":\"UTF-8\"}}\r\n--{Boundary}--\r\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(multipart));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");
        return Http.PostAsync($"/api/v1/webhooks/email?secret={EmailSecret}", content);
    }

    private static byte[] Inbound(string from, string messageId, string text) => Encoding.UTF8.GetBytes(
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\",\"value\":{" +
        "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"966500000000\",\"phone_number_id\":\"" + PhoneNumberId + "\"}," +
        "\"contacts\":[{\"profile\":{\"name\":\"Lead\"},\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + messageId + "\"," +
        "\"timestamp\":\"" + DateTimeOffset.UtcNow.ToUnixTimeSeconds() + "\",\"type\":\"text\",\"text\":{\"body\":" + Escaped(text) + "}}]}}]}]}");

    private static string Escaped(string text) => "\"" + string.Concat(text.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:x4}")) + "\"";

    private static string Sign(byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), body));

    private async Task<JsonElement> PendingAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/approval-center?tenant={_tenant}");
        request.Headers.Add("x-functions-key", TestApp.MasterKey);
        HttpResponseMessage response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
    }
}
