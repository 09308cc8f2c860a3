using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.EndToEndTests.Incidents;

/// <summary>
/// Issue 14 item 3 on real Kestrel and Azurite: an operator opens a SEV1 incident with personal data over HTTP; the
/// tenant is frozen; every plan step is acknowledged by its owner through the task API (the PDPL step with its
/// reference); the incident is reported resolved; the founder lifts the freeze on the founder-only route (an operator
/// key gets 403); the customer updates are approved in the approval center; the incident closes acknowledged, with its
/// post-mortem draft. Bad input is 400 and starts nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IncidentFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AdminKey = "e2e-incident-admin-key";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);
    private readonly string _tenant = "inc" + Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;

    private string Key => $"e2e-key-{_tenant}";

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite.Azurite, TestApp.CreateScriptRoot("Incidents" + Guid.NewGuid().ToString("N")[..10]), new Dictionary<string, string?>
        {
            ["Operators:Keys:op-noura:Key"] = Key,
            ["Operators:Keys:op-noura:Tenant"] = _tenant,
            ["Operators:Keys:founder:Key"] = AdminKey,
            ["Operators:Keys:founder:Admin"] = "true",
            ["Approvals:CallbackSigningKey"] = "e2e-callback-signing-key-0123456789abcdef",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await IncidentFreezes.ReleaseAsync(azurite.Azurite, _tenant); // a SEV1 freeze is global: never leave it for the next test
    }

    [Fact]
    public async Task OperatorOpensSev1_StepsAcknowledgedThroughTaskApi_FounderUnfreezes_IncidentClosesAcknowledged()
    {
        foreach (string bad in (string[])["not json", "[1]", """{"has_data_leak":"yes"}""", """{"affected_customers":-2}""", """{"title":""}""", """{"title":"x","detected_at":"2099-01-01T00:00:00Z"}"""])
        {
            HttpResponseMessage refused = await SendAsync(HttpMethod.Post, "/api/v1/customer-ops/incidents", Key, bad);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{bad}: {(int)refused.StatusCode} {await refused.Content.ReadAsStringAsync()}");
        }

        Assert.Empty((await GetJsonAsync("/api/v1/customer-ops/incidents")).GetProperty("items").EnumerateArray());

        HttpResponseMessage opened = await SendAsync(HttpMethod.Post, "/api/v1/customer-ops/incidents", Key,
            """{"incident_id":"inc-e2e","title":"Contacts visible to another tenant","has_data_leak":true,"personal_data_exposed":true,"affected_customers":1,"customer_email":"ops@customer.example"}""");
        Assert.Equal(HttpStatusCode.Accepted, opened.StatusCode);
        string instanceId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance_id").GetString()!;
        Assert.Equal($"incident:{_tenant}:inc-e2e", instanceId);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "/api/v1/customer-ops/incidents", Key, """{"incident_id":"inc-e2e","title":"again"}""")).StatusCode);

        JsonElement[] tasks = await Eventually.MatchAsync(async () => (await GetJsonAsync("/api/v1/tasks?area=incident&page_size=100")).GetProperty("items").EnumerateArray().ToArray(),
            items => items.Length == 11, "the 11 SEV1 plan tasks", Bound);
        IKillSwitch killSwitch = _app.Services.GetRequiredService<IKillSwitch>();
        Assert.True(await killSwitch.IsPausedAsync(_tenant));
        Assert.True(await killSwitch.IsPausedAsync("someothertenant")); // SEV1: a global freeze of all sends and charges (§13.2)
        Assert.False(await killSwitch.IsPausedAsync()); // the loops keep running

        foreach (JsonElement task in tasks)
        {
            string taskId = task.GetProperty("task_id").GetString()!;
            if (taskId.EndsWith(":unfreeze", StringComparison.Ordinal))
            {
                continue;
            }

            string body = taskId.EndsWith(":pdpl_72h_notification", StringComparison.Ordinal)
                ? """{"outcome":"completed","result":{"pdpl":"sent","reference":"REG-E2E-1"}}"""
                : """{"outcome":"completed"}""";
            HttpResponseMessage completed = await SendAsync(HttpMethod.Post, $"/api/v1/tasks/{Uri.EscapeDataString(taskId)}/complete", Key, body);
            Assert.True(completed.StatusCode == HttpStatusCode.OK, $"{taskId}: {(int)completed.StatusCode} {await completed.Content.ReadAsStringAsync()}");
        }

        JsonElement incident = await Eventually.MatchAsync(async () => (await GetJsonAsync("/api/v1/customer-ops/incidents/inc-e2e")).GetProperty("incident"),
            i => i.GetProperty("steps").EnumerateArray().Count(s => s.GetProperty("status").GetString() == "open") == 1, "every step but the unfreeze acknowledged", Bound);
        Assert.Equal(("SEV1", "sent", "REG-E2E-1"), (incident.GetProperty("severity").GetString(), incident.GetProperty("pdpl").GetProperty("status").GetString(),
            incident.GetProperty("pdpl").GetProperty("reference").GetString()));

        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/customer-ops/incidents/inc-e2e/status", Key, """{"status":"fixed"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(HttpMethod.Post, "/api/v1/customer-ops/incidents/inc-e2e/status", Key, """{"status":"resolved"}""")).StatusCode);
        await Eventually.MatchAsync(async () => (await GetJsonAsync("/api/v1/customer-ops/incidents/inc-e2e")).GetProperty("post_mortem"),
            p => p.ValueKind == JsonValueKind.Object, "the post-mortem draft", Bound);

        // The unfreeze is the founder's: an operator key of the tenant gets 403; the admin (founder) key lifts it.
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, $"/api/v1/customer-ops/incidents/inc-e2e/unfreeze?tenant={_tenant}", Key, null)).StatusCode);
        Assert.True(await killSwitch.IsPausedAsync(_tenant));
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(HttpMethod.Post, $"/api/v1/customer-ops/incidents/inc-e2e/unfreeze?tenant={_tenant}", AdminKey, null)).StatusCode);
        await Eventually.MatchAsync(() => killSwitch.IsPausedAsync(_tenant), paused => !paused, "the tenant to be unfrozen", Bound);
        Assert.False(await killSwitch.IsPausedAsync("someothertenant"));

        // The customer updates wait in the approval center; approving the pending ones lets the incident close.
        JsonElement[] pending = await Eventually.MatchAsync(async () => (await GetJsonAsync("/api/v1/approval-center")).GetProperty("items").EnumerateArray().ToArray(),
            items => items.Any(i => i.GetProperty("category").GetString() == "incident_resolved"), "the resolved message to wait for approval", Bound);
        foreach (JsonElement draft in pending)
        {
            Assert.Equal(instanceId, draft.GetProperty("deal_id").GetString());
            Assert.Equal(HttpStatusCode.OK,
                (await SendAsync(HttpMethod.Post, $"/api/v1/approval-center/{draft.GetProperty("approval_id").GetString()}/approve", Key, """{"reviewer":"op-noura"}""")).StatusCode);
        }

        JsonElement closed = await Eventually.MatchAsync(() => GetJsonAsync("/api/v1/customer-ops/incidents/inc-e2e"),
            i => i.GetProperty("runtime_status").GetString() == "Completed", "the incident to close", Bound);
        JsonElement final = closed.GetProperty("incident");
        Assert.Equal(("closed", true, false), (final.GetProperty("phase").GetString(), final.GetProperty("acknowledged").GetBoolean(), final.GetProperty("frozen").GetBoolean()));
        Assert.StartsWith("founder:", final.GetProperty("unfrozenBy").GetString(), StringComparison.Ordinal);
        Assert.Contains("# Post-mortem inc-e2e (SEV1)", closed.GetProperty("post_mortem").GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.Contains(await _app.Services.GetRequiredService<IAuditLedger>().ListAsync(_tenant), e => e.Action == "incident_freeze");
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
