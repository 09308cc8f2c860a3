using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Functions;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Orchestrations.Samples;

namespace Dealix.Functions.EndToEndTests;

/// <summary>
/// The Durable Functions HTTP management API driven over real HTTP against the app on Azurite, once per durable
/// storage provider (<see cref="ManagementApiTests"/>: Dealix; <see cref="ManagementApiOnAzureStorageTests"/>:
/// Microsoft's AzureStorage). Facts here hold on both; engine-only ones live in the derived classes.
/// </summary>
public abstract class ManagementApiTestsBase(AzuriteFixture azurite, string provider) : IAsyncLifetime
{
    private static readonly string Base = "/runtime/webhooks/durabletask";
    private TestApp _app = null!;

    protected HttpClient Http => _app.Client;

    public async Task InitializeAsync() =>
        _app = await TestApp.StartAsync(azurite.Azurite, TestApp.CreateScriptRoot("Mgmt" + Guid.NewGuid().ToString("N")[..10], provider));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task HelloCities_StartedThroughTheApi_Returns202ThenCompletesWithItsOutput()
    {
        HttpResponseMessage started = await Http.PostAsync(Api($"/orchestrators/{HelloCitiesOrchestrator.Name}"), null);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        JsonElement payload = await started.Content.ReadFromJsonAsync<JsonElement>();
        string id = payload.GetProperty("id").GetString()!;
        foreach (string field in new[] { "statusQueryGetUri", "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri", "restartPostUri", "suspendPostUri", "resumePostUri" })
        {
            Assert.Contains(Uri.EscapeDataString(id), payload.GetProperty(field).GetString(), StringComparison.Ordinal);
        }

        Uri location = started.Headers.Location!;
        Assert.Equal(payload.GetProperty("statusQueryGetUri").GetString(), location.ToString());
        Observed done = await Eventually.MatchAsync(() => ObserveAsync(location.ToString()), o => o.Code != HttpStatusCode.Accepted, "HelloCities to finish");
        Assert.Equal(HttpStatusCode.OK, done.Code);
        JsonElement status = done.Body!.Value;
        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(["Hello Tokyo!", "Hello Seattle!", "Hello London!", "Hello Amsterdam!", "Hello Mumbai!"],
            status.GetProperty("output").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Lifecycle_WaitingInstance_PollsAcceptedThenRaiseEventCompletesItThenPurgeRemovesIt()
    {
        string id = "approval-" + Guid.NewGuid().ToString("N")[..8];
        HttpResponseMessage started = await Http.PostAsync(Api($"/orchestrators/{ApprovalFunctions.OrchestratorName}/{id}"), null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Uri location = started.Headers.Location!;

        // Waiting for its event, the instance answers 202 with its own URL in Location.
        Observed running = await Eventually.MatchAsync(() => ObserveAsync(location.ToString()), o => o.RuntimeStatus == "Running", "the instance to run");
        Assert.Equal(HttpStatusCode.Accepted, running.Code);
        Assert.NotNull(running.Location);

        HttpResponseMessage raised = await Http.PostAsync(Api($"/instances/{id}/raiseEvent/{ApprovalFunctions.EventName}"), Json("""{"by":"Noura"}"""));
        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);

        Observed done = await Eventually.MatchAsync(() => ObserveAsync(location.ToString()), o => o.Code != HttpStatusCode.Accepted, "the approval to complete");
        Assert.Equal(HttpStatusCode.OK, done.Code);
        JsonElement status = done.Body!.Value;
        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal($"APPROVED BY NOURA ({id})", status.GetProperty("output").GetString());

        // Ended: further requests are refused with 410 and change nothing.
        Assert.Equal(HttpStatusCode.Gone, (await Http.PostAsync(Api($"/instances/{id}/raiseEvent/{ApprovalFunctions.EventName}"), Json("""{"by":"x"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await Http.PostAsync(Api($"/instances/{id}/terminate", "reason=late"), null)).StatusCode);

        HttpResponseMessage purged = await Http.DeleteAsync(Api($"/instances/{id}"));
        Assert.Equal(HttpStatusCode.OK, purged.StatusCode);
        Assert.Equal(1, (await purged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instancesDeleted").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.DeleteAsync(Api($"/instances/{id}"))).StatusCode);
    }

    [Fact]
    public async Task Terminate_RunningInstance_EndsTerminatedAndLaterRequestsGet410()
    {
        string id = "terminate-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync(Api($"/orchestrators/{ApprovalFunctions.OrchestratorName}/{id}"), null)).StatusCode);
        await Eventually.MatchAsync(() => ObserveAsync(Api($"/instances/{id}")), o => o.RuntimeStatus == "Running", "the instance to run");

        HttpResponseMessage terminated = await Http.PostAsync(Api($"/instances/{id}/terminate", "reason=operator%20cancelled"), null);
        Assert.Equal(HttpStatusCode.Accepted, terminated.StatusCode);

        Observed ended = await Eventually.MatchAsync(() => ObserveAsync(Api($"/instances/{id}")), o => o.Code != HttpStatusCode.Accepted, "the termination");
        Assert.Equal(HttpStatusCode.OK, ended.Code);
        JsonElement status = ended.Body!.Value;
        Assert.Equal("Terminated", ended.RuntimeStatus);
        Assert.Equal("operator cancelled", status.GetProperty("output").GetString());
        Assert.Equal(HttpStatusCode.Gone, (await Http.PostAsync(Api($"/instances/{id}/raiseEvent/{ApprovalFunctions.EventName}"), Json("""{"by":"x"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await Http.PostAsync(Api($"/instances/{id}/suspend"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await Http.PostAsync(Api($"/instances/{id}/terminate"), null)).StatusCode);
    }

    [Fact]
    public async Task List_MoreInstancesThanTop_PagesWithContinuationTokenOverEveryInstanceOnce()
    {
        string prefix = "page-" + Guid.NewGuid().ToString("N")[..8] + "-";
        string[] ids = [.. Enumerable.Range(0, 5).Select(i => $"{prefix}{i}")];
        foreach (string id in ids)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync(Api($"/orchestrators/{ApprovalFunctions.OrchestratorName}/{id}"), null)).StatusCode);
        }

        var seen = new List<string>();
        int pages = 0;
        string? token = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Api("/instances", $"instanceIdPrefix={prefix}&top=2"));
            if (token is not null)
            {
                request.Headers.Add("x-ms-continuation-token", token);
            }

            HttpResponseMessage page = await Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            JsonElement rows = await page.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(rows.GetArrayLength() <= 2);
            seen.AddRange(rows.EnumerateArray().Select(r => r.GetProperty("instanceId").GetString()!));
            token = page.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.Single() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.True(pages >= 3, $"5 instances at top=2 take at least 3 pages; got {pages}");
        Assert.Equal(ids.Order(), seen.Order());
    }

    [Fact]
    public async Task BadInput_IsRefusedWithTheReasonAndCreatesNothing()
    {
        string prefix = "bad-" + Guid.NewGuid().ToString("N")[..8];

        HttpResponseMessage unknown = await Http.PostAsync(Api($"/orchestrators/NoSuchOrchestrator/{prefix}-a"), null);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("NoSuchOrchestrator", await Detail(unknown), StringComparison.Ordinal);

        HttpResponseMessage malformed = await Http.PostAsync(Api($"/orchestrators/{HelloCitiesOrchestrator.Name}/{prefix}-b"), Json("{\"city\": "));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("not valid JSON", await Detail(malformed), StringComparison.Ordinal);

        HttpResponseMessage tooLarge = await Http.PostAsync(
            Api($"/orchestrators/{HelloCitiesOrchestrator.Name}/{prefix}-c"), Json($"\"{new string('x', (int)TestApp.MaxBodyBytes + 10)}\""));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);

        HttpResponseMessage badId = await Http.PostAsync(Api($"/orchestrators/{HelloCitiesOrchestrator.Name}/{prefix}%5Cd"), null);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Contains("not allowed", await Detail(badId), StringComparison.Ordinal);

        HttpResponseMessage badStatusId = await Http.GetAsync(Api("/instances/%20%20"));
        Assert.Equal(HttpStatusCode.BadRequest, badStatusId.StatusCode);

        // A waiting instance to send bad events to.
        string waiting = $"{prefix}-waiting";
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync(Api($"/orchestrators/{ApprovalFunctions.OrchestratorName}/{waiting}"), null)).StatusCode);
        await Eventually.MatchAsync(() => ObserveAsync(Api($"/instances/{waiting}")), o => o.RuntimeStatus == "Running", "the instance to run");

        HttpResponseMessage textEvent = await Http.PostAsync(
            Api($"/instances/{waiting}/raiseEvent/{ApprovalFunctions.EventName}"), new StringContent("""{"by":"x"}""", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, textEvent.StatusCode);
        Assert.Contains("application/json", await Detail(textEvent), StringComparison.Ordinal);

        HttpResponseMessage brokenEvent = await Http.PostAsync(Api($"/instances/{waiting}/raiseEvent/{ApprovalFunctions.EventName}"), Json("{by:"));
        Assert.Equal(HttpStatusCode.BadRequest, brokenEvent.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await Http.PostAsync(Api($"/instances/{prefix}-nobody/raiseEvent/{ApprovalFunctions.EventName}"), Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.GetAsync(Api("/instances", "top=0"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.GetAsync(Api("/instances", "runtimeStatus=Sleeping"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.DeleteAsync(Api("/instances"))).StatusCode);

        // Keys: none, a wrong one, or a function key where the system key is needed.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.GetAsync($"{Base}/instances")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.GetAsync($"{Base}/instances?code=wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.GetAsync($"{Base}/instances?code={TestApp.HostKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.PostAsync($"{Base}/orchestrators/{HelloCitiesOrchestrator.Name}/{prefix}-e", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.PostAsync("/api/samples/hello-cities", null)).StatusCode);
        using (var header = new HttpRequestMessage(HttpMethod.Get, $"{Base}/instances?top=1"))
        {
            header.Headers.Add("x-functions-key", TestApp.SystemKey);
            Assert.Equal(HttpStatusCode.OK, (await Http.SendAsync(header)).StatusCode);
        }

        // Nothing but the one waiting instance exists, and it is still waiting for its event.
        JsonElement listed = await (await Http.GetAsync(Api("/instances", $"instanceIdPrefix={prefix}"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([waiting], listed.EnumerateArray().Select(r => r.GetProperty("instanceId").GetString()));
        Assert.Equal("Running", (await ObserveAsync(Api($"/instances/{waiting}"))).RuntimeStatus);
    }

    [Fact]
    public async Task HttpStarter_WithFunctionKey_StartsHelloCitiesAndPointsAtTheManagementApi()
    {
        HttpResponseMessage started = await Http.PostAsync($"/api/samples/hello-cities?code={TestApp.HostKey}", null);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Uri location = started.Headers.Location!;
        Assert.StartsWith($"{Http.BaseAddress}runtime/webhooks/durabletask/instances/", location.ToString(), StringComparison.Ordinal);
        Observed done = await Eventually.MatchAsync(() => ObserveAsync(location.ToString()), o => o.Code != HttpStatusCode.Accepted, "HelloCities to finish");
        Assert.Equal("Completed", done.RuntimeStatus);
    }

    [Fact]
    public async Task ClassicHttpStarter_WithFunctionKey_AnswersTheDurableCheckStatusResponseAndCompletes()
    {
        // Written with the worker's HttpRequestData/HttpResponseData and the extension's CreateCheckStatusResponseAsync.
        HttpResponseMessage started = await Http.PostAsync($"/api/samples/hello-cities-classic?code={TestApp.HostKey}", null);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("application/json", started.Content.Headers.ContentType?.MediaType);
        // The extension serializes its payload with the worker's default serializer, which has no naming policy, and
        // 1.22's HttpManagementPayload names its fields for Newtonsoft only: on Azure Functions as here the body reads
        // "Id", "StatusQueryGetUri", …. Clients match the names case-insensitively.
        var payload = new Dictionary<string, string?>(
            (await started.Content.ReadFromJsonAsync<Dictionary<string, string?>>())!, StringComparer.OrdinalIgnoreCase);
        Assert.True(payload.TryGetValue("id", out string? id), $"'id' is missing from {string.Join(", ", payload.Keys)}");
        string instance = $"{Http.BaseAddress}runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(id!)}";
        foreach (string field in new[] { "statusQueryGetUri", "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri", "suspendPostUri", "resumePostUri" })
        {
            Assert.True(payload.TryGetValue(field, out string? url), $"'{field}' is missing from {string.Join(", ", payload.Keys)}");
            Assert.StartsWith(instance, url, StringComparison.Ordinal);
            Assert.Contains($"code={TestApp.SystemKey}", url, StringComparison.Ordinal);
        }

        Uri location = started.Headers.Location!;
        Assert.Equal(payload["statusQueryGetUri"], location.ToString());
        Observed done = await Eventually.MatchAsync(() => ObserveAsync(payload["statusQueryGetUri"]!), o => o.Code != HttpStatusCode.Accepted, "HelloCities to finish");
        Assert.Equal(HttpStatusCode.OK, done.Code);
        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(["Hello Tokyo!", "Hello Seattle!", "Hello London!", "Hello Amsterdam!", "Hello Mumbai!"],
            done.Body!.Value.GetProperty("output").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task SuspendResumeRestartAndWait_BehaveAsInDurableFunctions()
    {
        string id = "ops-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync(Api($"/orchestrators/{ApprovalFunctions.OrchestratorName}/{id}"), null)).StatusCode);
        await Eventually.MatchAsync(() => ObserveAsync(Api($"/instances/{id}")), o => o.RuntimeStatus == "Running", "the instance to run");

        // The id is taken while the instance runs.
        HttpResponseMessage duplicate = await Http.PostAsync(Api($"/orchestrators/{ApprovalFunctions.OrchestratorName}/{id}"), null);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync(Api($"/instances/{id}/suspend", "reason=check"), null)).StatusCode);
        Observed suspended = await Eventually.MatchAsync(() => ObserveAsync(Api($"/instances/{id}")), o => o.RuntimeStatus == "Suspended", "the suspension");
        Assert.Equal(HttpStatusCode.Accepted, suspended.Code);
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync(Api($"/instances/{id}/resume", "reason=ok"), null)).StatusCode);
        await Eventually.MatchAsync(() => ObserveAsync(Api($"/instances/{id}")), o => o.RuntimeStatus == "Running", "the resumption");
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsync(Api($"/instances/{id}/raiseEvent/{ApprovalFunctions.EventName}"), Json("""{"by":"Huda"}"""))).StatusCode);
        Observed done = await Eventually.MatchAsync(() => ObserveAsync(Api($"/instances/{id}")), o => o.Code == HttpStatusCode.OK, "completion");
        Assert.Equal("Completed", done.RuntimeStatus);
        await AssertHistoryAsync(id);

        // Restart under a new id (the default): a new check-status response for a new instance.
        HttpResponseMessage restarted = await Http.PostAsync(Api($"/instances/{id}/restart"), null);
        Assert.Equal(HttpStatusCode.Accepted, restarted.StatusCode);
        string newId = (await restarted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.NotEqual(id, newId);
        Assert.Equal("Running", (await Eventually.MatchAsync(() => ObserveAsync(Api($"/instances/{newId}")), o => o.RuntimeStatus == "Running", "the restarted instance")).RuntimeStatus);
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.PostAsync(Api("/instances/no-such-instance/restart"), null)).StatusCode);

        // Start and wait: the raw output with 200 when it completes within the timeout.
        HttpResponseMessage waited = await Http.PostAsync(Api($"/orchestrators/{HelloCitiesOrchestrator.Name}", "timeout=60&pollingInterval=1"), null);
        Assert.Equal(HttpStatusCode.OK, waited.StatusCode);
        Assert.Equal(5, (await waited.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
    }

    /// <summary>
    /// Checks <c>showHistory</c> on an instance that was suspended, resumed, got an event and completed: the Dealix
    /// engine lists those events; the AzureStorage provider answers 501 (history is a Dealix engine feature).
    /// </summary>
    protected abstract Task AssertHistoryAsync(string completedInstanceId);

    protected static string Api(string path, string? query = null) =>
        $"{Base}{path}?code={TestApp.SystemKey}{(query is null ? string.Empty : "&" + query)}";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    protected async Task<Observed> ObserveAsync(string url)
    {
        using HttpResponseMessage response = await Http.GetAsync(url);
        string text = await response.Content.ReadAsStringAsync();
        JsonElement? body = null;
        string? status = null;
        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted)
        {
            using JsonDocument document = JsonDocument.Parse(text);
            body = document.RootElement.Clone();
            status = body.Value.TryGetProperty("runtimeStatus", out JsonElement s) ? s.GetString() : null;
        }

        return new Observed(response.StatusCode, status, body, response.Headers.Location);
    }

    protected static async Task<string> Detail(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("detail").GetString()!;
    }
}
