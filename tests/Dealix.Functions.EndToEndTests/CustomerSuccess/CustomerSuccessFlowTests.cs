using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dealix.Functions.CustomerSuccess;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Functions.Infrastructure.Notifications;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Ports;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Ports;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dealix.Functions.EndToEndTests.CustomerSuccess;

/// <summary>
/// Customer success on real Kestrel and Azurite: health inputs and a cadence started over HTTP (validated, tenant-bound),
/// the first weekly check-in becoming a CSM task with its agenda, and the daily at-risk timer running once per day however
/// often it ticks. One cadence day lasts a second here (<c>CustomerSuccess:TestDayLength</c>, a test-only setting).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CustomerSuccessFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly string _tenant = "cs" + Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;

    private string Key => $"e2e-cs-key-{_tenant}";

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite.Azurite, TestApp.CreateScriptRoot("Cs" + Guid.NewGuid().ToString("N")[..10]), new Dictionary<string, string?>
        {
            ["CustomerSuccess:TestDayLength"] = "00:00:01",
            ["Approvals:CallbackSigningKey"] = "e2e-callback-signing-key-0123456789abcdef",
            ["Deals:WarmUpClassifier"] = "false",
            [$"Operators:Keys:{_tenant}:Key"] = Key,
            [$"Operators:Keys:{_tenant}:Tenant"] = _tenant,
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CadenceStartedOverHttp_FirstWeeklyCheckInBecomesACsmTaskWithItsAgenda()
    {
        // Bad input is refused with the reasons and stores nothing.
        HttpResponseMessage bad = await SendAsync(HttpMethod.Put, "/api/v1/customer-ops/cs/customers/cust-1/health-inputs", """{"active_days_last_7":9,"days_inactive":"x"}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        string reason = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("'active_days_last_7' must be a whole number from 0 to 7.", reason, StringComparison.Ordinal);
        Assert.Contains("'median_approval_hours' is required.", reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/api/v1/customer-ops/cs/customers/cust-1/health")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/customer-ops/cs/cadences", """{"customer_id":"cust-1","bundle":"gold"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/customer-ops/cs/cadences", """{"customer_id":"bad/id","bundle":"growth_starter"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/api/v1/customer-ops/cs/cadences", "[1]")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/api/v1/customer-ops/cs/cadences/cust-1")).StatusCode);

        HttpResponseMessage inputs = await SendAsync(HttpMethod.Put, "/api/v1/customer-ops/cs/customers/cust-1/health-inputs",
            """{"active_days_last_7":5,"days_inactive":1,"median_approval_hours":6,"drafts_pending":4,"last_proof_pack_days_ago":5,"connectors_chosen":2,"connectors_connected":2,"proof_pack_approved":true}""");
        Assert.Equal(HttpStatusCode.OK, inputs.StatusCode);
        Assert.Equal("green", (await inputs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("band").GetString());

        HttpResponseMessage started = await SendAsync(HttpMethod.Post, "/api/v1/customer-ops/cs/cadences", """{"customer_id":"cust-1","bundle":"growth_starter"}""");
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        string instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance_id").GetString()!;
        Assert.Equal($"cs:{_tenant}:cust-1", instanceId);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, "/api/v1/customer-ops/cs/cadences", """{"customer_id":"cust-1","bundle":"growth_starter"}""")).StatusCode);

        // The custom status names the next touchpoint; it becomes a task once due (day 7, seven seconds here).
        JsonElement cadence = await Eventually.MatchAsync(() => GetJsonAsync("/api/v1/customer-ops/cs/cadences/cust-1"),
            c => c.GetProperty("next").ValueKind == JsonValueKind.Array, "the cadence's custom status", Bound);
        JsonElement first = cadence.GetProperty("next")[0];
        Assert.Equal("weekly_check_in", first.GetProperty("item").GetString());
        string taskId = $"{instanceId}:{first.GetProperty("key").GetString()}";
        IHumanTaskStore tasks = _app.Services.GetRequiredService<IHumanTaskStore>();
        HumanTask checkIn = (await Eventually.MatchAsync(() => tasks.GetAsync(_tenant, taskId), t => t is not null, "the first weekly check-in task", Bound))!;
        Assert.Equal(("cs", "weekly_check_in", "csm", instanceId), (checkIn.Area, checkIn.Kind, checkIn.OwnerRole, checkIn.InstanceId));
        Assert.Equal("عندكم 4 مسودة تنتظر اعتمادكم — نراجعها سوا؟", checkIn.Details!["talking_point_2"]);
        Assert.Equal("yes", (await tasks.GetAsync(_tenant, $"{instanceId}:handoff"))!.Details!["delivery_succeeded"]);

        JsonElement after = await Eventually.MatchAsync(() => GetJsonAsync("/api/v1/customer-ops/cs/cadences/cust-1"),
            c => c.GetProperty("touchpoints").EnumerateArray().Any(t => t.GetProperty("task_id").GetString() == taskId), "the touchpoint held", Bound);
        Assert.Equal("held", after.GetProperty("touchpoints").EnumerateArray().First(t => t.GetProperty("task_id").GetString() == taskId).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AtRiskTimer_DuplicateTicks_ScoreAndAlertOncePerDay()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, "/api/v1/customer-ops/cs/customers/risky/health-inputs",
            """{"active_days_last_7":0,"days_inactive":14,"median_approval_hours":60,"drafts_pending":20,"last_proof_pack_days_ago":30}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(HttpMethod.Post, "/api/v1/customer-ops/cs/cadences", """{"customer_id":"risky","bundle":"data_to_revenue"}""")).StatusCode);
        ICustomerSuccessStore store = _app.Services.GetRequiredService<ICustomerSuccessStore>();
        await Eventually.MatchAsync(() => store.GetCustomerAsync(_tenant, "risky"), c => c is not null, "the customer's cadence record", Bound);

        DurableTaskClient client = _app.Services.GetRequiredService<DurableTaskClient>();
        var timer = new CsAtRiskTimer(TimeProvider.System, NullLogger<CsAtRiskTimer>.Instance);
        await timer.RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), client, CancellationToken.None);
        await timer.RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo { IsPastDue = true }, client, CancellationToken.None);

        string instanceId = CsScheduledJob.InstanceId("cs-at-risk", CsScheduledJob.AstDay(DateTimeOffset.UtcNow));
        OrchestrationMetadata done = await Eventually.MatchAsync(() => client.GetInstanceAsync(instanceId, getInputsAndOutputs: true),
            i => i is { IsCompleted: true }, "the day's at-risk sweep", Bound) ?? throw new InvalidOperationException();
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        await timer.RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), client, CancellationToken.None);
        Assert.Equal(done.CreatedAt, (await client.GetInstanceAsync(instanceId))!.CreatedAt);

        CsScore score = (await store.GetLatestScoreAsync(_tenant, "risky"))!;
        Assert.Equal((100, RiskSeverity.High), (score.Risk.RiskScore, score.Risk.Severity));
        var alerts = (await _app.Services.GetRequiredService<OperatorAlertStore>().ListAsync(_tenant, 50)).Where(a => a.Alert.Kind == "at_risk").ToList();
        Assert.Equal("critical", Assert.Single(alerts).Alert.Severity);
        HumanTask outreach = (await _app.Services.GetRequiredService<IHumanTaskStore>().GetAsync(_tenant, $"{instanceId}:{_tenant}:risky:personal_outreach"))!;
        Assert.Equal(("csm", "high"), (outreach.OwnerRole, outreach.Details!["priority"]));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", Key);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await _app.Client.SendAsync(request);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        HttpResponseMessage response = await SendAsync(HttpMethod.Get, path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
