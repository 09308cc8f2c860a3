using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Orchestrations.Support.Rules;

namespace Dealix.Functions.EndToEndTests.Support;

/// <summary>
/// Issue 14 on real Kestrel and Azurite: an e-mail to the support mailbox becomes a P0 ticket with a pending
/// first-response draft in the approval center and a running SLA workflow; the SLA routes validate strictly, append to
/// the ticket's log and report on it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SupportTicketFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string SupportAddress = "support@dealix.example";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5); // the first classification may load the model

    private readonly string _tenant = "sup" + Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;

    private HttpClient Http => _app.Client;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite.Azurite, TestApp.CreateScriptRoot("Support" + Guid.NewGuid().ToString("N")[..10]), new Dictionary<string, string?>
        {
            ["Smtp:InboundSecret"] = "e2e-email-secret",
            [$"Support:EmailAddresses:{SupportAddress}"] = _tenant,
            ["Approvals:CallbackSigningKey"] = "e2e-callback-signing-key-0123456789abcdef",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await IncidentFreezes.ReleaseAsync(azurite.Azurite, _tenant); // the P0 ticket's SEV1 incident froze every tenant
    }

    [Fact]
    public async Task SupportEmail_BecomesP0TicketWithPendingFirstResponseAndRunningSla_AndSlaRoutesValidate()
    {
        HttpResponseMessage accepted = await PostEmailAsync("<leak-1@customer.sa>", "تسريب بيانات", "بيانات عملائنا ظاهرة للكل في لوحة التقارير");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        JsonElement intake = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("started", intake.GetProperty("outcome").GetString());
        string ticketId = intake.GetProperty("ticket_id").GetString()!;
        string draftId = TicketKeys.FirstResponseDraftId(ticketId);

        // The first-response draft waits in the approval center like any other draft.
        JsonElement[] pending = await Eventually.MatchAsync(PendingAsync, items => items.Length == 1, "a pending first response", Bound);
        Assert.Equal((draftId, "email"), (pending[0].GetProperty("approval_id").GetString(), pending[0].GetProperty("channel").GetString()));

        JsonElement ticket = await Eventually.MatchAsync(() => GetJsonAsync($"/api/v1/customer-ops/support/tickets/{ticketId}"),
            t => t.GetProperty("ticket").GetProperty("incident_requested").GetBoolean(), "the P0 ticket", Bound);
        JsonElement row = ticket.GetProperty("ticket");
        Assert.Equal(("P0", "open", "email", draftId), (row.GetProperty("priority").GetString(), row.GetProperty("status").GetString(),
            row.GetProperty("source").GetString(), row.GetProperty("draft_id").GetString()));
        Assert.Equal(["founder"], row.GetProperty("owners").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("pending", ticket.GetProperty("sla").GetProperty("first_response").GetProperty("status").GetString());
        Assert.Equal("ticket_opened", ticket.GetProperty("events")[0].GetProperty("event_type").GetString());

        // A redelivered e-mail is the same ticket.
        JsonElement again = await (await PostEmailAsync("<leak-1@customer.sa>", "تسريب بيانات", "…")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("duplicate", again.GetProperty("outcome").GetString());

        // SLA events: strict validation, nothing stored on a 4xx.
        // Events may not go back in time: 'now' is a whole second at or after the ticket's opening (which can be later
        // than this clock's now minus a second when the ticket was opened a moment ago), and not in the future.
        DateTime opened = ticket.GetProperty("events")[0].GetProperty("occurred_at").GetDateTime().ToUniversalTime();
        DateTime at = new(Math.Max(DateTime.UtcNow.AddSeconds(-1).Ticks, opened.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        if (at > DateTime.UtcNow)
        {
            await Task.Delay(at - DateTime.UtcNow + TimeSpan.FromMilliseconds(50));
        }

        string now = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        string Event(string type, string time, string extra = "") =>
            $$"""{"ticket_id":"{{ticketId}}","event_type":"{{type}}","priority":"P0","occurred_at":"{{time}}","actor":"op-1"{{extra}}}""";
        (string Body, HttpStatusCode Status)[] refused =
        [
            (Event("closed", now), HttpStatusCode.BadRequest),
            (Event("resolved", now.Replace("Z", "+03:00", StringComparison.Ordinal)), HttpStatusCode.BadRequest),
            (Event("resolved", "2999-01-01T00:00:00Z"), HttpStatusCode.BadRequest),
            (Event("resolved", now, ",\"extra\":1"), HttpStatusCode.BadRequest),
            (Event("resolved", now).Replace("\"P0\"", "\"P9\"", StringComparison.Ordinal), HttpStatusCode.BadRequest),
            (Event("resolved", now).Replace(",\"actor\":\"op-1\"", string.Empty, StringComparison.Ordinal), HttpStatusCode.BadRequest),
            ("[1]", HttpStatusCode.BadRequest),
            ("not json", HttpStatusCode.BadRequest),
            (Event("reopened", now), HttpStatusCode.Conflict),
            (Event("ticket_opened", now), HttpStatusCode.Conflict),
            (Event("resolved", now).Replace(ticketId, "t-unknown", StringComparison.Ordinal), HttpStatusCode.NotFound),
        ];
        foreach ((string body, HttpStatusCode status) in refused)
        {
            HttpResponseMessage response = await PostAsync("/api/v1/customer-ops/sla/event", body);
            Assert.True(response.StatusCode == status, $"{body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Single((await GetJsonAsync($"/api/v1/customer-ops/support/tickets/{ticketId}")).GetProperty("events").EnumerateArray());

        HttpResponseMessage answered = await PostAsync("/api/v1/customer-ops/sla/event", Event("first_response_sent", now, ",\"note\":\"by phone\""));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("met", (await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("breach").GetProperty("first_response").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/api/v1/customer-ops/sla/event", Event("first_response_sent", now, ",\"note\":\"by phone\""))).StatusCode); // a retried request
        HttpResponseMessage second = await PostAsync("/api/v1/customer-ops/sla/event", Event("first_response_sent", now).Replace("op-1", "op-2", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("duplicate_first_response", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Answered another way: the running ticket workflow hears of it and withdraws the draft from the approval center.
        await Eventually.MatchAsync(PendingAsync, items => items.Length == 0, "the draft withdrawn", Bound);

        JsonElement classified = await (await PostAsync("/api/v1/customer-ops/sla/classify-breach", $$"""{"ticket_id":"{{ticketId}}"}""")).Content
            .ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("met", false), (classified.GetProperty("breach").GetProperty("first_response").GetProperty("status").GetString(),
            classified.GetProperty("breach").GetProperty("breached").GetBoolean()));
        JsonElement report = (await (await PostAsync("/api/v1/customer-ops/sla/health-report", "{}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("report");
        Assert.Equal((1, "healthy"), (report.GetProperty("total_tickets").GetInt32(), report.GetProperty("verdict").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("/api/v1/customer-ops/sla/health-report", """{"window_days":0}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("/api/v1/customer-ops/sla/classify-breach", """{"ticket_id":"a","events":[]}""")).StatusCode);
        Assert.Equal("critical", (await GetJsonAsync("/api/v1/customer-ops/sla/health-report-demo")).GetProperty("report").GetProperty("verdict").GetString());
    }

    private async Task<HttpResponseMessage> PostEmailAsync(string messageId, string subject, string text)
    {
        const string Boundary = "xYzZY";
        string body =
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"headers\"\r\n\r\nMessage-ID: {messageId}\r\nDate: Fri, 04 Dec 2026 09:00:00 +0300\r\n" +
            $"\r\n--{Boundary}\r\nContent-Disposition: form-data; name=\"from\"\r\n\r\nNoura <noura@customer.sa>\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\n{SupportAddress}\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\n{subject}\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n{text}\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"charsets\"\r\n\r\n{{\"text\":\"UTF-8\",\"subject\":\"UTF-8\"}}\r\n--{Boundary}--\r\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");
        return await Http.PostAsync("/api/v1/webhooks/email?secret=e2e-email-secret", content);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{path}?tenant={_tenant}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-functions-key", TestApp.MasterKey);
        return Http.SendAsync(request);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{path}?tenant={_tenant}");
        request.Headers.Add("x-functions-key", TestApp.MasterKey);
        HttpResponseMessage response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The ticket's drafts waiting in the approval center (the P0 ticket's incident drafts its own customer updates there too).</summary>
    private async Task<JsonElement[]> PendingAsync() =>
        [.. (await GetJsonAsync("/api/v1/approval-center")).GetProperty("items").EnumerateArray()
            .Where(i => !i.GetProperty("deal_id").GetString()!.StartsWith("incident:", StringComparison.Ordinal))];
}
