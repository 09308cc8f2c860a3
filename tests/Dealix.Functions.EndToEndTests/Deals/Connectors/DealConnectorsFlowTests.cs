using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Dealix.Functions.EndToEndTests.Deals.Connectors;

/// <summary>
/// Issue 12 items 5 and 6 on real Kestrel and Azurite with a loopback calendar/CRM provider: a lead's deal syncs to the
/// CRM and books its meeting's calendar event only after each approval, in the providers' request shapes and once; a
/// Moyasar-style payment webhook (secret token checked, bad input refused, redelivery harmless) proposes pilot_active,
/// whose approval moves the deal and starts onboarding; the 8 onboarding steps are driven through the API (inputs,
/// approvals, tasks, connectors) until onboarding completes and the customer-success cadence runs with its first weekly
/// check-in due and created as a CSM task (cadence days last a second here).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DealConnectorsFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Phone = "966512345678";
    private const string MoyasarSecret = "e2e-moyasar-secret-token";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);
    private readonly string _tenant = "dc" + Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;
    private FakeConnectorApi _providers = null!;

    private string Key => $"e2e-connectors-key-{_tenant}";

    private string ContactId => DealKeys.ContactId(_tenant, MessageChannel.WhatsApp, Phone);

    private string DealId => DealKeys.DealInstanceId(_tenant, ContactId);

    public async Task InitializeAsync()
    {
        _providers = await FakeConnectorApi.StartAsync();
        _app = await TestApp.StartAsync(azurite.Azurite, TestApp.CreateScriptRoot("Dc" + Guid.NewGuid().ToString("N")[..10]), new Dictionary<string, string?>
        {
            ["Approvals:CallbackSigningKey"] = "e2e-callback-signing-key-0123456789abcdef",
            ["Deals:WarmUpClassifier"] = "false",
            ["DealConnectors:LiveExecute"] = "true",
            ["CustomerSuccess:TestDayLength"] = "00:00:01", // the cadence's plan days last a second: day 7's check-in in seconds
            ["DealConnectors:CalendarBaseUrl"] = _providers.BaseUrl,
            ["DealConnectors:CalendarAccessToken"] = "e2e-calendar-token",
            ["DealConnectors:CrmBaseUrl"] = _providers.BaseUrl,
            ["DealConnectors:CrmAccessToken"] = "e2e-crm-token",
            [$"Payments:SecretTokens:{_tenant}"] = MoyasarSecret,
            ["Payments:SecretTokens:othertenant"] = "another-tenants-secret",
            [$"Operators:Keys:{_tenant}:Key"] = Key,
            [$"Operators:Keys:{_tenant}:Tenant"] = _tenant,
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _providers.DisposeAsync();
    }

    [Fact]
    public async Task Deal_CrmAndCalendarAfterApproval_PaymentWebhookToPilotActive_OnboardingCompletesWithCsCheckInScheduled()
    {
        // The tenant's own calendar and CRM, raised to approved_execute with the founder's approval (§6.2).
        await ConnectAsync(_tenant, "google_calendar", "free_busy_read", founderRaise: true);
        await ConnectAsync(_tenant, "crm_generic", "record_read", founderRaise: true);

        (HttpStatusCode started, _) = await SendAsync("POST", "/api/v1/os/process-and-act",
            new { channel = "whatsapp", from = Phone, text = "Can we schedule a demo?", message_id = "wamid.DC-1" });
        Assert.Equal(HttpStatusCode.Accepted, started);
        await StageAsync("qualified");

        // sync_crm: an approval first; approved, exactly one upsert in HubSpot's shape.
        JsonElement sync = await ApprovalAsync("sync_crm");
        Assert.Equal(("sync_crm", "B", "connector_action"), (sync.GetProperty("action").GetString(), sync.GetProperty("action_class").GetString(), sync.GetProperty("kind").GetString()));
        Assert.Empty(_providers.Requests);
        await ApproveAsync(sync);
        var crm = await Eventually.MatchAsync(() => Task.FromResult(_providers.Requests.ToArray()), r => r.Length >= 1, "the CRM upsert", Bound);
        (string method, string path, string? auth, string? type, string body) = Assert.Single(crm);
        Assert.Equal(("POST", "/crm/v3/objects/deals/batch/upsert", "Bearer e2e-crm-token"), (method, path, auth));
        Assert.StartsWith("application/json", type, StringComparison.Ordinal);
        JsonElement input = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("inputs").EnumerateArray());
        Assert.Equal(["idProperty", "id", "properties"], input.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("dealix_deal_id", DealId), (input.GetProperty("idProperty").GetString(), input.GetProperty("id").GetString()));
        Assert.Equal(["dealname", "dealstage", "dealix_deal_id"], input.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(("qualified", DealId), (input.GetProperty("properties").GetProperty("dealstage").GetString(), input.GetProperty("properties").GetProperty("dealix_deal_id").GetString()));

        // book_meeting: a bad meeting time is a 400 and changes nothing; a good one books the event after approval, once.
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync("POST", "/api/v1/os/process-and-act",
            new { @event = "meeting_scheduled", contact_id = ContactId, meeting_at = "next tuesday" })).Status);
        DateTime meetingAt = DateTime.UtcNow.AddHours(3);
        meetingAt = new DateTime(meetingAt.Year, meetingAt.Month, meetingAt.Day, meetingAt.Hour, 0, 0, DateTimeKind.Utc);
        string meetingIso = meetingAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync("POST", "/api/v1/os/process-and-act",
            new { @event = "meeting_scheduled", contact_id = ContactId, meeting_at = meetingIso })).Status);
        await StageAsync("meeting_booked");
        JsonElement booking = await ApprovalAsync("book_meeting");
        await ApproveAsync(booking);
        var calls = await Eventually.MatchAsync(() => Task.FromResult(_providers.Requests.ToArray()), r => r.Length >= 2, "the calendar insert", Bound);
        (string calMethod, string calPath, string? calAuth, _, string calBody) = calls[1];
        Assert.Equal(("POST", "/calendar/v3/calendars/primary/events?sendUpdates=none", "Bearer e2e-calendar-token"), (calMethod, calPath, calAuth));
        JsonElement calendarEvent = JsonDocument.Parse(calBody).RootElement;
        Assert.Equal(["id", "summary", "description", "start", "end", "reminders"], calendarEvent.EnumerateObject().Select(p => p.Name));
        Assert.Equal(booking.GetProperty("approval_id").GetString()![2..], calendarEvent.GetProperty("id").GetString());
        Assert.Equal(meetingIso, calendarEvent.GetProperty("start").GetProperty("dateTime").GetString());
        Assert.Equal(meetingAt.AddMinutes(20).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), calendarEvent.GetProperty("end").GetProperty("dateTime").GetString());
        Assert.False(calendarEvent.GetProperty("reminders").GetProperty("useDefault").GetBoolean());
        Assert.Equal(60, calendarEvent.GetProperty("reminders").GetProperty("overrides")[0].GetProperty("minutes").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync("POST", $"/api/v1/approval-center/{booking.GetProperty("approval_id").GetString()}/approve", new { reviewer = "op-2" })).Status);

        foreach (string stageEvent in new[] { "meeting_completed", "proposal_sent", "terms_agreed" })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await SendAsync("POST", "/api/v1/os/process-and-act", new { @event = stageEvent, contact_id = ContactId })).Status);
        }

        await StageAsync("payment_requested");

        // The payment webhook: bad input 400, a wrong or another tenant's secret 401, none of them stored.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostPaymentAsync("not json")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostPaymentAsync(Payment("evt-1", MoyasarSecret, DealId).Replace("\"currency\":\"SAR\"", "\"currency\":7", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostPaymentAsync(Payment("evt-1", MoyasarSecret, "deal-without-tenant"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostPaymentAsync(Payment("evt-1", "wrong-secret", DealId))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostPaymentAsync(Payment("evt-1", "another-tenants-secret", DealId))).StatusCode);
        Assert.DoesNotContain((await PendingAsync()).EnumerateArray(), i => i.GetProperty("category").GetString() == "payment_received");

        HttpResponseMessage paid = await PostPaymentAsync(Payment("evt-1", MoyasarSecret, DealId));
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal("accepted", (await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        HttpResponseMessage again = await PostPaymentAsync(Payment("evt-1", MoyasarSecret, DealId));
        Assert.Equal("duplicate", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());

        // A person confirms the receipt (§8.3): approving the proposal moves the deal to pilot_active and starts onboarding.
        JsonElement confirm = await ApprovalAsync("payment_received");
        Assert.Equal("pilot_active", confirm.GetProperty("proposed_stage").GetString());
        Assert.Equal("payment_requested", await CurrentStageAsync());
        await ApproveAsync(confirm);
        try
        {
            await StageAsync("pilot_active");
        }
        catch (TimeoutException e)
        {
            string approvalId = DealKeys.ApprovalInstanceId(_tenant, confirm.GetProperty("approval_id").GetString()!);
            throw new TimeoutException($"{e.Message}; deal: {await InstanceAsync(DealId)}; approval: {await InstanceAsync(approvalId)}", e);
        }
        await Eventually.MatchAsync(async () => (await PendingAsync()).EnumerateArray().Any(i => i.GetProperty("category").GetString() == "sync_crm"
            && i.GetProperty("stage").GetString() == "pilot_active"), found => found, "the pilot_active CRM sync proposal", Bound);

        // Onboarding's 8 steps through the API, for the customer the deal became.
        string customer = ContactId;
        await InputAsync(customer, "select_goal", new { goal = "more_meetings" });
        await InputAsync(customer, "select_bundle", new { bundle = "growth_starter", price = "standard" });
        await ApproveStepAsync("select_bundle");
        await InputAsync(customer, "company_intake", new { company_name = "Acme Trading", sector = "retail", city = "Riyadh" });
        await CompleteTaskAsync(customer, "kickoff");
        await ConnectAsync(customer, "whatsapp_cloud", "webhook_verified_and_test_inbound", founderRaise: false);
        await ApproveStepAsync("connect_channels");
        await InputAsync(customer, "upload_or_source", new { source = "csv", rows = "120" });
        await ApproveStepAsync("upload_or_source");
        await ApproveStepAsync("risk_review");
        await CompleteTaskAsync(customer, "first_service_run:1");
        await ApproveStepAsync("first_service_run");
        await CompleteTaskAsync(customer, "deliver_proof_pack");
        await InputAsync(customer, "first_proof_pack", new { approved = "true" });
        await CompleteTaskAsync(customer, "review_meeting");
        JsonElement done = await Eventually.MatchAsync(() => ChecklistAsync(customer), c => c.GetProperty("state").GetString() == "completed", "the onboarding to complete", Bound);
        Assert.Equal((100, true), (done.GetProperty("progress_pct").GetInt32(), done.GetProperty("customer_success_active").GetBoolean()));

        // The customer-success cadence's first weekly check-in becomes a CSM task.
        string cadenceId = $"cs:{_tenant}:{customer}";
        JsonElement cadence = await Eventually.MatchAsync(async () => (await SendAsync("GET", $"/api/v1/customer-ops/cs/cadences/{customer}", null)).Body,
            c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("next", out JsonElement next) && next.ValueKind == JsonValueKind.Array, "the cadence's custom status", Bound);
        JsonElement first = cadence.GetProperty("next")[0];
        Assert.Equal("weekly_check_in", first.GetProperty("item").GetString());
        string taskId = $"{cadenceId}:{first.GetProperty("key").GetString()}";
        IHumanTaskStore tasks = _app.Services.GetRequiredService<IHumanTaskStore>();
        HumanTask checkIn = (await Eventually.MatchAsync(() => tasks.GetAsync(_tenant, taskId), t => t is not null, "the first weekly check-in task", Bound))!;
        Assert.Equal(("cs", "weekly_check_in", "csm", cadenceId), (checkIn.Area, checkIn.Kind, checkIn.OwnerRole, checkIn.InstanceId));
        HttpResponseMessage instance = await _app.Client.GetAsync($"/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(cadenceId)}?code={TestApp.SystemKey}");
        Assert.Equal("CustomerSuccessCadence", (await instance.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        Assert.Equal(2, _providers.Requests.Count); // one CRM upsert, one calendar insert: nothing unapproved, nothing twice
    }

    /// <summary>A Moyasar <c>payment_paid</c> delivery (channels.md §6 payload).</summary>
    private static string Payment(string eventId, string secret, string dealId) => JsonSerializer.Serialize(new
    {
        id = eventId,
        type = "payment_paid",
        created_at = "2026-12-04T10:00:00.000Z",
        secret_token = secret,
        live = false,
        data = new
        {
            id = "pay-" + eventId,
            status = "paid",
            amount = 115000,
            fee = 3450,
            currency = "SAR",
            refunded = 0,
            description = "Pilot",
            amount_format = "1150.00 SAR",
            invoice_id = "inv-1",
            metadata = new { deal_id = dealId },
            source = new { type = "creditcard", company = "visa", number = "XXXX-XXXX-XXXX-1111", message = "APPROVED" },
        },
    });

    private Task<HttpResponseMessage> PostPaymentAsync(string body) =>
        _app.Client.PostAsync("/api/v1/webhooks/payments", new StringContent(body, Encoding.UTF8, "application/json"));

    private async Task ConnectAsync(string customer, string connector, string check, bool founderRaise)
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("POST", "/api/v1/customer-ops/connectors/update", new { customer_id = customer, connector_id = connector, state = "configuring" })).Status);
        (HttpStatusCode connected, JsonElement body) = await SendAsync("POST", "/api/v1/customer-ops/connectors/update",
            new { customer_id = customer, connector_id = connector, state = "connected_draft_only", acceptance = new { check, passed = true } });
        Assert.True(connected == HttpStatusCode.OK, body.ToString());
        if (founderRaise)
        {
            (HttpStatusCode raised, JsonElement raisedBody) = await SendAsync("POST", "/api/v1/customer-ops/connectors/update",
                new { customer_id = customer, connector_id = connector, state = "connected_approved_execute", acceptance = new { check, passed = true }, founder_approval = "appr-founder-1", actor = "founder" });
            Assert.True(raised == HttpStatusCode.OK, raisedBody.ToString());
        }
    }

    private async Task StageAsync(string stage) =>
        await Eventually.MatchAsync(CurrentStageAsync, s => s == stage, $"the deal to reach {stage}", Bound);

    private async Task<string?> CurrentStageAsync()
    {
        HttpResponseMessage response = await _app.Client.GetAsync($"/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(DealId)}?code={TestApp.SystemKey}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        JsonElement status = await response.Content.ReadFromJsonAsync<JsonElement>();
        return status.TryGetProperty("customStatus", out JsonElement custom) && custom.ValueKind == JsonValueKind.Object ? custom.GetProperty("stage").GetString() : null;
    }

    private async Task<string> InstanceAsync(string instanceId) =>
        await (await _app.Client.GetAsync($"/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(instanceId)}?code={TestApp.SystemKey}&showHistory=true&showHistoryOutput=true"))
            .Content.ReadAsStringAsync();

    private async Task<JsonElement> PendingAsync()
    {
        (HttpStatusCode status, JsonElement body) = await SendAsync("GET", "/api/v1/approval-center?page_size=100", null);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("items");
    }

    private async Task<JsonElement> ApprovalAsync(string category) =>
        await Eventually.MatchAsync(async () => (await PendingAsync()).EnumerateArray().FirstOrDefault(i => i.GetProperty("category").GetString() == category),
            i => i.ValueKind == JsonValueKind.Object, $"the approval of {category}", Bound);

    private async Task ApproveAsync(JsonElement approval)
    {
        (HttpStatusCode status, JsonElement body) = await SendAsync("POST", $"/api/v1/approval-center/{approval.GetProperty("approval_id").GetString()}/approve", new { });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }

    /// <summary>Redeems the step's signed approve link, like the customer or operator would.</summary>
    private async Task ApproveStepAsync(string step)
    {
        JsonElement item = await Eventually.MatchAsync(async () => (await PendingAsync()).EnumerateArray()
            .FirstOrDefault(i => i.GetProperty("category").GetString() == step && i.GetProperty("kind").GetString() == "onboarding_step"),
            i => i.ValueKind == JsonValueKind.Object, $"the approval of {step}", Bound);
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.PostAsync(new Uri(item.GetProperty("approve_url").GetString()!).PathAndQuery, null)).StatusCode);
    }

    private async Task<JsonElement> ChecklistAsync(string customer)
    {
        (HttpStatusCode status, JsonElement body) = await SendAsync("POST", "/api/v1/customer-ops/onboarding/checklist", new { customer_id = customer });
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Accepted, body.ToString());
        return body.GetProperty("checklist") is { ValueKind: JsonValueKind.Object } checklist ? checklist : JsonDocument.Parse("""{"current_step":null,"state":null}""").RootElement;
    }

    private async Task InputAsync(string customer, string step, object values)
    {
        await Eventually.MatchAsync(() => ChecklistAsync(customer), c => c.GetProperty("current_step").GetString() == step, $"the onboarding to reach {step}", Bound);
        (HttpStatusCode status, JsonElement body) = await Eventually.MatchAsync(
            () => SendAsync("POST", "/api/v1/customer-ops/onboarding/update-step", new { customer_id = customer, step_id = step, values, submitted_by = "customer-1" }),
            r => r.Status != HttpStatusCode.Conflict, $"{step} to take the input", Bound);
        Assert.True(status == HttpStatusCode.Accepted, body.ToString());
    }

    private async Task CompleteTaskAsync(string customer, string step)
    {
        string taskId = Uri.EscapeDataString($"onboarding:{_tenant}:{customer}:{step}");
        (HttpStatusCode status, JsonElement body) = await Eventually.MatchAsync(
            () => SendAsync("POST", $"/api/v1/tasks/{taskId}/complete", new { outcome = "completed" }),
            r => r.Status != HttpStatusCode.NotFound, $"the task {step}", Bound);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(string method, string path, object? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("x-functions-key", Key);
        request.Headers.Add("X-Operator-Id", "op-1");
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response = await _app.Client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
