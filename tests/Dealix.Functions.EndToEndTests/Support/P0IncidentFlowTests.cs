using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Functions.EndToEndTests.Notifications;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.EndToEndTests.Support;

/// <summary>
/// Issue 14 item 6 on real Kestrel and Azurite, with a loopback team-chat receiver: an e-mail to the support address that
/// reads as a leak becomes a P0 ticket, which opens its SEV1 incident (one, linked both ways) with a global freeze; the
/// founder hears of it on the team chat with a link to the incident; every plan step is acknowledged by its owner through
/// the task API (the unfreeze on the founder-only route) and the incident shows acknowledged.
/// </summary>
[Collection(AzuriteCollection.Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class P0IncidentFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string SupportAddress = "help@dealix.example";
    private const string AdminKey = "e2e-p0-founder-key";
    private const string HookSecret = "e2e-p0-team-chat-secret-0123456789";
    private const string PublicBase = "https://ops.dealix.example";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5); // the first classification may load the model

    private readonly string _tenant = "p0i" + Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;
    private FakeOperatorChannels _channels = null!;

    private string Key => $"e2e-p0-key-{_tenant}";

    public async Task InitializeAsync()
    {
        _channels = await FakeOperatorChannels.StartAsync(HookSecret, "966500000000");
        _app = await TestApp.StartAsync(azurite.Azurite, TestApp.CreateScriptRoot("P0Incident" + Guid.NewGuid().ToString("N")[..10]), new Dictionary<string, string?>
        {
            ["Smtp:InboundSecret"] = "e2e-email-secret",
            [$"Support:EmailAddresses:{SupportAddress}"] = _tenant,
            ["Approvals:CallbackSigningKey"] = "e2e-callback-signing-key-0123456789abcdef",
            ["Operators:Keys:op-sara:Key"] = Key,
            ["Operators:Keys:op-sara:Tenant"] = _tenant,
            ["Operators:Keys:founder:Key"] = AdminKey,
            ["Operators:Keys:founder:Admin"] = "true",
            ["Operators:Webhooks:chat:Tenant"] = _tenant,
            ["Operators:Webhooks:chat:Url"] = _channels.BaseUrl + "/hooks/team-chat",
            ["Operators:Webhooks:chat:Secret"] = HookSecret,
            ["Operators:LiveSend:Webhook"] = "true",
            ["Operators:PublicBaseUrl"] = PublicBase,
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await IncidentFreezes.ReleaseAsync(azurite.Azurite, _tenant);
        await _channels.DisposeAsync();
    }

    [Fact]
    public async Task SupportEmailReadingAsLeak_OpensSev1Incident_StepsAcknowledgedThroughTaskApi_FounderAlertedWithLink()
    {
        HttpResponseMessage accepted = await PostEmailAsync("<p0-incident-1@customer.sa>", "Data leak", "Our customers' phone numbers are publicly visible on the shared report link.");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        string ticketId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket_id").GetString()!;
        string incidentId = "p0-" + ticketId;

        // The ticket records its incident; the incident links back, triaged SEV1 from what the customer wrote.
        JsonElement ticket = await Eventually.MatchAsync(async () => (await GetJsonAsync($"/api/v1/customer-ops/support/tickets/{ticketId}")).GetProperty("ticket"),
            t => t.GetProperty("incident_id").ValueKind == JsonValueKind.String, "the ticket to record its incident", Bound);
        Assert.Equal(("P0", incidentId, true), (ticket.GetProperty("priority").GetString(), ticket.GetProperty("incident_id").GetString(),
            ticket.GetProperty("incident_requested").GetBoolean()));
        JsonElement[] tasks = await Eventually.MatchAsync(async () => (await GetJsonAsync("/api/v1/tasks?area=incident&page_size=100")).GetProperty("items").EnumerateArray().ToArray(),
            items => items.Length == 11, "the 11 SEV1 plan tasks", Bound);
        JsonElement incident = (await GetJsonAsync($"/api/v1/customer-ops/incidents/{incidentId}")).GetProperty("incident");
        Assert.Equal(("SEV1", ticketId, "ticket", "global", false), (incident.GetProperty("severity").GetString(), incident.GetProperty("ticketId").GetString(),
            incident.GetProperty("source").GetString(), incident.GetProperty("freezeScope").GetString(), incident.GetProperty("acknowledged").GetBoolean()));
        Assert.Single((await GetJsonAsync("/api/v1/customer-ops/incidents")).GetProperty("items").EnumerateArray());

        // SEV1: every tenant's sends and charges are frozen, not only this one's.
        IKillSwitch killSwitch = _app.Services.GetRequiredService<IKillSwitch>();
        Assert.True(await killSwitch.IsPausedAsync("anothertenant"));

        // The founder hears of it on the team chat, once, signed, with the incident's link made absolute.
        (bool Valid, string Delivery, JsonElement Body)[] openedHooks = await Eventually.MatchAsync(
            () => Task.FromResult(_channels.Hooks.Where(h => h.Body.GetProperty("kind").GetString() == "incident_opened").ToArray()),
            hooks => hooks.Length == 1, "the incident_opened alert on the team chat", Bound);
        (bool Valid, string Delivery, JsonElement Body) opened = openedHooks[0];
        Assert.True(opened.Valid);
        Assert.Equal(($"{PublicBase}/api/v1/customer-ops/incidents/{incidentId}?tenant={_tenant}", "critical", "founder"),
            (opened.Body.GetProperty("link").GetString(), opened.Body.GetProperty("severity").GetString(), opened.Body.GetProperty("owner_role").GetString()));
        Assert.Contains(_channels.Hooks, h => h.Body.GetProperty("kind").GetString() == "p0_ticket"
            && h.Body.GetProperty("link").GetString() == $"{PublicBase}/api/v1/customer-ops/support/tickets/{ticketId}?tenant={_tenant}");
        Assert.DoesNotContain(_channels.Hooks, h => h.Body.GetProperty("body").GetString()!.Contains("phone numbers", StringComparison.Ordinal));

        // Each owner acknowledges their step through the task API; the unfreeze is the founder's, on its own route.
        foreach (JsonElement task in tasks)
        {
            string taskId = task.GetProperty("task_id").GetString()!;
            if (taskId.EndsWith(":unfreeze", StringComparison.Ordinal))
            {
                continue;
            }

            string body = taskId.EndsWith(":pdpl_72h_notification", StringComparison.Ordinal)
                ? """{"outcome":"completed","result":{"pdpl":"sent","reference":"REG-E2E-P0"}}"""
                : """{"outcome":"completed"}""";
            HttpResponseMessage completed = await SendAsync(HttpMethod.Post, $"/api/v1/tasks/{Uri.EscapeDataString(taskId)}/complete", Key, body);
            Assert.True(completed.StatusCode == HttpStatusCode.OK, $"{taskId}: {(int)completed.StatusCode} {await completed.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, $"/api/v1/customer-ops/incidents/{incidentId}/unfreeze?tenant={_tenant}", Key, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(HttpMethod.Post, $"/api/v1/customer-ops/incidents/{incidentId}/unfreeze?tenant={_tenant}", AdminKey, null)).StatusCode);

        JsonElement acknowledged = await Eventually.MatchAsync(async () => (await GetJsonAsync($"/api/v1/customer-ops/incidents/{incidentId}")).GetProperty("incident"),
            i => i.GetProperty("acknowledged").GetBoolean(), "the incident to show acknowledged", Bound);
        Assert.Equal((false, "sent", "REG-E2E-P0"), (acknowledged.GetProperty("frozen").GetBoolean(), acknowledged.GetProperty("pdpl").GetProperty("status").GetString(),
            acknowledged.GetProperty("pdpl").GetProperty("reference").GetString()));
        Assert.All(acknowledged.GetProperty("steps").EnumerateArray(), s => Assert.Equal("completed", s.GetProperty("status").GetString()));
        await Eventually.MatchAsync(() => killSwitch.IsPausedAsync("anothertenant"), paused => !paused, "the global freeze lifted", Bound);

        // A redelivered e-mail is the same ticket and opens no second incident.
        JsonElement again = await (await PostEmailAsync("<p0-incident-1@customer.sa>", "Data leak", "…")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("duplicate", again.GetProperty("outcome").GetString());
        Assert.Single((await GetJsonAsync("/api/v1/customer-ops/incidents")).GetProperty("items").EnumerateArray());
        Assert.Single(_channels.Hooks, h => h.Body.GetProperty("kind").GetString() == "incident_opened");
    }

    private async Task<HttpResponseMessage> PostEmailAsync(string messageId, string subject, string text)
    {
        const string Boundary = "pZzQ0";
        string body =
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"headers\"\r\n\r\nMessage-ID: {messageId}\r\nDate: Fri, 04 Dec 2026 09:00:00 +0300\r\n" +
            $"\r\n--{Boundary}\r\nContent-Disposition: form-data; name=\"from\"\r\n\r\nHala <hala@customer.sa>\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\n{SupportAddress}\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\n{subject}\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n{text}\r\n" +
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"charsets\"\r\n\r\n{{\"text\":\"UTF-8\",\"subject\":\"UTF-8\"}}\r\n--{Boundary}--\r\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");
        return await _app.Client.PostAsync("/api/v1/webhooks/email?secret=e2e-email-secret", content);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        HttpResponseMessage response = await SendAsync(HttpMethod.Get, path, Key, null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, string? body)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", key);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await _app.Client.SendAsync(request);
    }
}
