using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Functions;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Ports;
using Dealix.Orchestrations.Tasks.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.EndToEndTests.Tasks;

/// <summary>
/// Issue 12 item 4 on real Kestrel and Azurite: a workflow hands a step to the tenant's operators; an operator lists,
/// claims and completes the task over HTTP and the workflow ends with the outcome; another operator of the tenant gets
/// 409 on a claimed task, another tenant's key 403, bad input 400, and nothing changes on refusals. The sweep, run on
/// the app, repairs a crash between storing and raising an outcome and escalates an overdue task.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HumanTaskFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly string _tenant = "tsk" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _other = "tsko" + Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;

    private string Key => $"e2e-key-{_tenant}";

    private string SecondKey => $"e2e-key2-{_tenant}";

    private string OtherKey => $"e2e-key-{_other}";

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(azurite.Azurite, TestApp.CreateScriptRoot("Tasks" + Guid.NewGuid().ToString("N")[..10]), new Dictionary<string, string?>
        {
            ["Operators:Keys:op-noura:Key"] = Key,
            ["Operators:Keys:op-noura:Tenant"] = _tenant,
            ["Operators:Keys:op-fahad:Key"] = SecondKey,
            ["Operators:Keys:op-fahad:Tenant"] = _tenant,
            ["Operators:Keys:op-other:Key"] = OtherKey,
            ["Operators:Keys:op-other:Tenant"] = _other,
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Workflow_CreatesATask_OperatorListsClaimsAndCompletesIt_WorkflowEndsWithTheOutcome()
    {
        string instanceId = "e2e-task-" + Guid.NewGuid().ToString("N")[..8];
        string taskId = HumanTaskStepFunctions.TaskId(instanceId);
        string taskPath = $"/api/v1/tasks/{Uri.EscapeDataString(taskId)}";
        HttpResponseMessage started = await _app.Client.PostAsync(
            $"/runtime/webhooks/durabletask/orchestrators/{HumanTaskStepFunctions.OrchestratorName}/{instanceId}?code={TestApp.SystemKey}",
            new StringContent($"\"{_tenant}\"", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);

        // The operator's list shows the open task with its owner role, workflow link and SLA.
        JsonElement listed = await Eventually.MatchAsync(async () => (await SendAsync(HttpMethod.Get, "/api/v1/tasks?status=open&area=onboarding", Key)).Body,
            b => b.GetProperty("items").GetArrayLength() == 1, "the task on the operator's list", Bound);
        JsonElement task = listed.GetProperty("items")[0];
        Assert.Equal((taskId, _tenant, "operator", instanceId, "open", "on_time"), (S(task, "task_id"), S(task, "tenant"), S(task, "owner_role"),
            S(task, "instance_id"), S(task, "status"), S(task, "sla_status")));
        Assert.True(task.GetProperty("due_at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(7));

        // Refusals change nothing: another tenant's key, bad input, another operator on a claimed task.
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, $"{taskPath}/claim?tenant={_tenant}", OtherKey)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, $"{taskPath}/complete", OtherKey, """{"outcome":"completed"}""")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Get, "/api/v1/tasks?status=done", Key)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Get, "/api/v1/tasks?page_size=0", Key)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, $"{taskPath}/complete", Key, """{"outcome":"maybe"}""")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, $"{taskPath}/complete", Key, """{"outcome":"completed","result":{"n":1}}""")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, $"{taskPath}/complete", Key, "not json")).Status);
        Assert.Equal("open", S((await SendAsync(HttpMethod.Get, taskPath, Key)).Body, "status"));

        (HttpStatusCode claimStatus, JsonElement claimed) = await SendAsync(HttpMethod.Post, $"{taskPath}/claim", Key);
        Assert.Equal((HttpStatusCode.OK, "claimed", "op-noura"), (claimStatus, S(claimed, "status"), S(claimed, "claimed_by")));
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, $"{taskPath}/claim", SecondKey)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, $"{taskPath}/complete", SecondKey, """{"outcome":"rejected"}""")).Status);

        (HttpStatusCode doneStatus, JsonElement done) = await SendAsync(HttpMethod.Post, $"{taskPath}/complete", Key, """{"outcome":"completed","result":{"notes":"step ok"}}""");
        Assert.Equal((HttpStatusCode.OK, "completed", true), (doneStatus, S(done, "status"), done.GetProperty("delivered").GetBoolean()));
        Assert.Equal("op-noura", S(done.GetProperty("outcome"), "completed_by"));

        // The workflow resumes with the outcome.
        JsonElement instance = await Eventually.MatchAsync(async () => (await _app.Client.GetFromJsonAsync<JsonElement>(
            $"/runtime/webhooks/durabletask/instances/{instanceId}?code={TestApp.SystemKey}")), i => S(i, "runtimeStatus") != "Running", "the workflow to end", Bound);
        Assert.Equal(("Completed", "completed by op-noura: step ok"), (S(instance, "runtimeStatus"), S(instance, "output")));

        // Completing again: the same outcome is the same answer, another outcome a conflict; the ledger has it once.
        (HttpStatusCode againStatus, JsonElement again) = await SendAsync(HttpMethod.Post, $"{taskPath}/complete", Key, """{"outcome":"completed"}""");
        Assert.Equal((HttpStatusCode.OK, "step ok"), (againStatus, S(again.GetProperty("outcome").GetProperty("result"), "notes")));
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, $"{taskPath}/complete", Key, """{"outcome":"rejected"}""")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, $"{taskPath}/release", Key)).Status);
        IReadOnlyList<AuditEntry> ledger = await _app.Services.GetRequiredService<IAuditLedger>().ListAsync(_tenant);
        Assert.Equal(["task_claimed", "task_completed"], ledger.Where(e => e.Target == taskId).Select(e => e.Action));
        Assert.Contains(await _app.Services.GetRequiredService<IAuditLedger>().ListAsync(_tenant), e => e.Action == "tenant_access_refused");
    }

    [Fact]
    public async Task Sweep_OnTheRealApp_RaisesAnOutcomeACrashLeftUndelivered_AndEscalatesAnOverdueTask()
    {
        IHumanTaskStore store = _app.Services.GetRequiredService<IHumanTaskStore>();
        string instanceId = "e2e-task-" + Guid.NewGuid().ToString("N")[..8];
        string taskId = HumanTaskStepFunctions.TaskId(instanceId);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.Client.PostAsync(
            $"/runtime/webhooks/durabletask/orchestrators/{HumanTaskStepFunctions.OrchestratorName}/{instanceId}?code={TestApp.SystemKey}",
            new StringContent($"\"{_tenant}\"", Encoding.UTF8, "application/json"))).StatusCode);
        await Eventually.MatchAsync(() => store.GetAsync(_tenant, taskId), t => t is not null, "the workflow's task", Bound);

        // The complete route stored the outcome two minutes ago and crashed before raising it.
        await store.UpdateAsync(_tenant, taskId, t => HumanTaskRules.Complete(t, HumanTaskValues.Completed, new Dictionary<string, string> { ["notes"] = "after a crash" },
            "op-noura", admin: false, DateTimeOffset.UtcNow.AddMinutes(-2)));

        // A check-in nobody held, an hour overdue.
        string overdueId = $"cs:{_tenant}:checkin-{Guid.NewGuid():N}";
        await store.CreateAsync(HumanTask.From(new HumanTaskRequest(overdueId, _tenant, "cs", "weekly_check_in", "Hold the weekly check-in", "csm", "cs:" + _tenant,
            DateTimeOffset.UtcNow.AddHours(-1)), DateTimeOffset.UtcNow.AddHours(-2)));

        string sweepId = "sched:human-task-sweep:e2e-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Accepted, (await _app.Client.PostAsync(
            $"/runtime/webhooks/durabletask/orchestrators/{HumanTaskSweepOrchestrator.Name}/{sweepId}?code={TestApp.SystemKey}", null)).StatusCode);
        JsonElement sweep = await Eventually.MatchAsync(async () => await _app.Client.GetFromJsonAsync<JsonElement>(
            $"/runtime/webhooks/durabletask/instances/{sweepId}?code={TestApp.SystemKey}"), i => S(i, "runtimeStatus") != "Running" && S(i, "runtimeStatus") != "Pending",
            "the sweep to end", Bound);
        Assert.True(S(sweep, "runtimeStatus") == "Completed", sweep.GetRawText());
        HumanTaskSweepResult result = sweep.GetProperty("output").Deserialize<HumanTaskSweepResult>(JsonSerializerOptions.Web)!;
        Assert.False(result.Paused);
        Assert.True(result.Redelivered >= 1 && result.Escalated >= 1, sweep.GetRawText());

        JsonElement instance = await Eventually.MatchAsync(async () => await _app.Client.GetFromJsonAsync<JsonElement>(
            $"/runtime/webhooks/durabletask/instances/{instanceId}?code={TestApp.SystemKey}"), i => S(i, "runtimeStatus") != "Running", "the workflow to end", Bound);
        Assert.Equal(("Completed", "completed by op-noura: after a crash"), (S(instance, "runtimeStatus"), S(instance, "output")));
        Assert.True((await store.GetAsync(_tenant, taskId))!.Delivered);
        HumanTask overdue = (await store.GetAsync(_tenant, overdueId))!;
        Assert.Equal((1, "team_lead", "open"), (overdue.EscalationLevel, overdue.EscalatedTo, overdue.Status));
    }

    private static string? S(JsonElement element, string name) => element.GetProperty(name).GetString();

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string key, string? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", key);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response = await _app.Client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
