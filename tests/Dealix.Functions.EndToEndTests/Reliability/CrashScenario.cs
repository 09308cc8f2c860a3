using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Dealix.Functions.EndToEndTests.Deals;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Functions.EndToEndTests.Reliability;

/// <summary>
/// Drives the deal slice from outside, as a lead and an operator would, against the app in a child process that is
/// SIGKILLed at armed crash points (one per life, in plan order) or at random moments; after each death the next life
/// starts. Refused webhook deliveries are re-sent (as Meta re-delivers any non-200) and refused approvals are retried.
/// <see cref="VerifyAsync"/> then checks the product's promises: one draft per accepted message, one provider call per
/// acknowledged approval (or a notified <c>send_unknown</c> only where the provider did receive the call), nothing left
/// <c>approved</c> or <c>sending</c>, and everything settled within the recovery objective of the last restart.
/// </summary>
public sealed class CrashScenario : IAsyncDisposable
{
    /// <summary>The product's recovery objective: within this time of a restart every approved item is sent or flagged.</summary>
    public static readonly TimeSpan RecoveryObjective = TimeSpan.FromSeconds(60);

    private const string AppSecret = "crash-whatsapp-app-secret";
    private const string PhoneNumberId = "106540352242922";
    private const string OperatorId = "op-crash";

    /// <summary>Deadlock guard for phases that include a cold start (the classifier trains its model at start-up).</summary>
    private static readonly TimeSpan PhaseBound = TimeSpan.FromMinutes(3);

    private readonly AzuriteProcess _azurite;
    private readonly FakeGraphApi _graph;
    private readonly Queue<string?> _plan;
    private readonly string _scriptRoot;
    private readonly Dictionary<string, string> _settings;
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<Lead> _leads;
    private readonly Func<TimeSpan?>? _randomKill;
    private AppProcess _app = null!;
    private int _life;
    private CancellationTokenSource? _killer;

    private CrashScenario(AzuriteProcess azurite, FakeGraphApi graph, IEnumerable<string?> plan, int leads, Func<TimeSpan?>? randomKill)
    {
        _azurite = azurite;
        _graph = graph;
        _plan = new Queue<string?>(plan);
        _randomKill = randomKill;
        Tenant = "crash" + _run[..8];
        _scriptRoot = TestApp.CreateScriptRoot("Crash" + _run);
        int seed = BitConverter.ToInt32(RandomNumberGenerator.GetBytes(4)) & 0x7fffff;
        _leads = [.. Enumerable.Range(0, leads).Select(i => new Lead($"96657{(seed + i) % 10_000_000:D7}", $"wamid.CRASH.{_run}.{i}"))];
        _settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Keys:System"] = TestApp.SystemKey,
            ["Keys:Host"] = TestApp.HostKey,
            ["Keys:Master"] = TestApp.MasterKey,
            ["AzureWebJobs.Heartbeat.Disabled"] = "true",
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:GraphBaseUrl"] = graph.BaseUrl,
            ["WhatsApp:GraphVersion"] = "v23.0",
            ["WhatsApp:PhoneNumberId"] = PhoneNumberId,
            ["WhatsApp:AccessToken"] = "crash-access-token",
            [$"WhatsApp:Tenants:{PhoneNumberId}"] = Tenant,
            ["Deals:LiveSend:WhatsApp"] = "true",
            ["Deals:WarmUpClassifier"] = "false", // lives that classify nothing skip the model's training
            ["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss.fff ",
            ["Approvals:CallbackSigningKey"] = "crash-callback-signing-key-0123456789abcdef",
            ["Outbox:PausedRetryDelay"] = "00:00:01",
        };
    }

    public string Tenant { get; }

    /// <summary>Deaths of the app, in order: the armed point (null for a random kill) and whether it died there.</summary>
    public List<(string? Point, bool AtCrashPoint)> Deaths { get; } = [];

    // When each death was seen (UTC, after the process had exited): lives run one after another, so a draft dispatched
    // before one of these times was dispatched by a life that then died.
    private readonly List<DateTime> _deathsSeenAt = [];

    /// <summary>When the app last became healthy after a death.</summary>
    public DateTime LastRestartAt { get; private set; } = DateTime.MinValue;

    /// <summary>How long after the last restart the last acknowledged approval was settled (sent or flagged).</summary>
    public TimeSpan? SettledAfterRestart { get; private set; }

    public IReadOnlyList<Lead> Leads => _leads;

    /// <summary>
    /// Starts a scenario whose lives are armed with <c>plan</c> in order (the last life is unarmed); with <c>randomKill</c>,
    /// each life is SIGKILLed by the test after the delay it returns (null: that life is not killed).
    /// </summary>
    public static async Task<CrashScenario> StartAsync(AzuriteProcess azurite, IEnumerable<string?> plan, int leads = 4, Func<TimeSpan?>? randomKill = null)
    {
        FakeGraphApi graph = await FakeGraphApi.StartAsync();
        var scenario = new CrashScenario(azurite, graph, plan, leads, randomKill);
        await scenario.StartLifeAsync();
        return scenario;
    }

    /// <summary>The whole flow: intake with re-delivery, drafts, approvals with retries, sending, all across deaths.</summary>
    public async Task RunAsync()
    {
        // 1. Every lead asks for the price; refused deliveries are re-sent until acknowledged.
        await UntilAsync("every inbound message acknowledged", async () =>
        {
            foreach (Lead lead in _leads.Where(l => !l.Accepted))
            {
                byte[] body = Inbound(lead.Phone, lead.MessageId, "السلام عليكم، كم السعر؟");
                HttpResponseMessage? response = await TryAsync(() => Webhook(body));
                lead.Accepted = response?.StatusCode == HttpStatusCode.OK;
            }

            return _leads.All(l => l.Accepted);
        });

        // 2. Each accepted message becomes a draft awaiting approval.
        await UntilAsync("a pending draft for every lead", async () =>
        {
            IReadOnlyList<ReplyDraft> drafts = await DraftsAsync();
            return _leads.All(l => drafts.Any(d => d.InReplyToMessageId == l.MessageId && d.Status == DraftStatus.PendingApproval));
        });

        // 3. The operator approves every draft; refused approvals are retried.
        IReadOnlyList<ReplyDraft> pending = await DraftsAsync();
        foreach (Lead lead in _leads)
        {
            lead.DraftId = pending.First(d => d.InReplyToMessageId == lead.MessageId && d.Status == DraftStatus.PendingApproval).DraftId;
        }

        await UntilAsync("every approval acknowledged", async () =>
        {
            foreach (Lead lead in _leads.Where(l => !l.Approved))
            {
                HttpResponseMessage? response = await TryAsync(() => Approve(lead.DraftId!));
                lead.Approved = response?.StatusCode == HttpStatusCode.OK;
                if (response?.StatusCode == HttpStatusCode.Conflict)
                {
                    // The API says the draft is no longer pending: an earlier attempt decided it before the app died.
                    lead.Approved = true;
                    lead.ApprovedByConflict = true;
                }
            }

            return _leads.All(l => l.Approved);
        });

        // 4. Every acknowledged approval is sent or flagged, within the recovery objective of the last restart.
        DateTime settleFrom = DateTime.UtcNow;
        while (true)
        {
            await EnsureRunningAsync();
            IReadOnlyList<ReplyDraft> drafts = await DraftsAsync();
            if (_leads.All(l => drafts.Single(d => d.DraftId == l.DraftId).Status is not (DraftStatus.Approved or DraftStatus.Sending)))
            {
                SettledAfterRestart = DateTime.UtcNow - (LastRestartAt > settleFrom ? LastRestartAt : settleFrom);
                break;
            }

            DateTime since = LastRestartAt > settleFrom ? LastRestartAt : settleFrom;
            if (DateTime.UtcNow - since > RecoveryObjective)
            {
                string open = string.Join(", ", _leads.Select(l => drafts.Single(d => d.DraftId == l.DraftId)).Where(d => d.Status is DraftStatus.Approved or DraftStatus.Sending)
                    .Select(d => $"{d.DraftId}={d.Status}"));
                throw new TimeoutException($"Not settled {RecoveryObjective.TotalSeconds:0} s after the last restart: {open}. {Describe()}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Checks the promises on what storage and the provider hold now.</summary>
    public async Task VerifyAsync()
    {
        IReadOnlyList<ReplyDraft> drafts = await DraftsAsync();
        var calls = _graph.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("to").GetString()!).ToList();
        HashSet<string> notified = await NotifiedDraftsAsync();
        var problems = new List<string>();
        foreach (Lead lead in _leads)
        {
            var mine = drafts.Where(d => d.InReplyToMessageId == lead.MessageId).ToList();
            if (mine.Count != 1)
            {
                problems.Add($"{lead.MessageId}: {mine.Count} drafts ({string.Join(", ", mine.Select(d => $"{d.DraftId}={d.Status}"))}) for one accepted message");
            }

            int providerCalls = calls.Count(to => to == lead.Phone);
            ReplyDraft? approved = drafts.SingleOrDefault(d => d.DraftId == lead.DraftId);
            switch (approved?.Status)
            {
                case DraftStatus.Sent when providerCalls == 1:
                    break;
                case DraftStatus.SendUnknown when providerCalls == 1 && notified.Contains(approved.DraftId):
                    lead.Flagged = true;
                    break;
                case DraftStatus.SendUnknown when providerCalls == 0 && notified.Contains(approved.DraftId)
                    && approved.DispatchedAt is { } dispatchedAt && _deathsSeenAt.Any(t => t > dispatchedAt):
                    // Marked dispatched, then its life was killed (at another send's crash point) before the request
                    // reached the provider: to the app that is the same as a lost answer, so unknown and flagged, not resent.
                    lead.Flagged = true;
                    break;
                default:
                    problems.Add($"{lead.MessageId}: approved draft {lead.DraftId} is {approved?.Status.ToString() ?? "missing"} after {providerCalls} provider call(s), " +
                        $"operator notified: {approved is not null && notified.Contains(approved.DraftId)}");
                    break;
            }
        }

        foreach (ReplyDraft open in drafts.Where(d => d.Status is DraftStatus.Approved or DraftStatus.Sending))
        {
            problems.Add($"draft {open.DraftId} stays {open.Status}");
        }

        foreach (IGrouping<string, string> twice in calls.GroupBy(to => to).Where(g => g.Count() > 1))
        {
            problems.Add($"{twice.Count()} provider calls to one lead");
        }

        foreach ((string? point, bool atPoint) in Deaths.Where(d => d.Point is not null && !d.AtCrashPoint))
        {
            problems.Add($"the life armed with {point} died elsewhere");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + Describe());
    }

    /// <summary>One line for the report: deaths, flags, recovery time.</summary>
    public string Describe() =>
        $"run {_run}: deaths [{string.Join(", ", Deaths.Select(d => d.Point ?? "random-kill"))}], armed but not reached [{string.Join(", ", Unreached)}], " +
        $"{_leads.Count(l => l.Flagged)} send_unknown, {_leads.Count(l => l.ApprovedByConflict)} approvals answered 409 on retry, " +
        $"settled {SettledAfterRestart?.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) ?? "-"} s after the last restart; logs in {_scriptRoot}";

    /// <summary>The armed points not reached by any life (the scenario never got there).</summary>
    public IReadOnlyList<string> Unreached =>
        [.. new[] { _app is { HasExited: false } ? _app.CrashPoint : null }.Concat(_plan).Where(p => p is not null).Select(p => p!)];

    public async ValueTask DisposeAsync()
    {
        _killer?.Cancel();
        await _app.DisposeAsync();
        await _graph.DisposeAsync();
        _http.Dispose();
    }

    private async Task StartLifeAsync()
    {
        string? point = _plan.Count > 0 ? _plan.Dequeue() : null;
        int port = AzuriteProcess.FreePort();
        _app = await AppProcess.StartAsync(_scriptRoot, port, _settings, point, ++_life);
        if (_life > 1)
        {
            LastRestartAt = DateTime.UtcNow;
        }

        _killer?.Cancel();
        if (_randomKill?.Invoke() is { } delay)
        {
            _killer = new CancellationTokenSource();
            AppProcess victim = _app;
            CancellationToken token = _killer.Token;
            _ = Task.Run(async () =>
            {
                await Task.Delay(delay, token);
                victim.Kill();
            }, token);
        }
    }

    /// <summary>Restarts the app if it died (at a crash point or by a random kill).</summary>
    private async Task EnsureRunningAsync()
    {
        if (!_app.HasExited)
        {
            return;
        }

        Deaths.Add((_app.CrashPoint, _app.CrashPoint is null || _app.DiedAtCrashPoint));
        _deathsSeenAt.Add(DateTime.UtcNow);
        await _app.DisposeAsync();
        await StartLifeAsync();
    }

    private async Task UntilAsync(string what, Func<Task<bool>> step)
    {
        DateTime deadline = DateTime.UtcNow + PhaseBound;
        while (true)
        {
            await EnsureRunningAsync();
            if (await step())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what}. {Describe()}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>One HTTP call; null when the app refused it by dying or by a 5xx (the caller re-sends later).</summary>
    private async Task<HttpResponseMessage?> TryAsync(Func<HttpRequestMessage> request)
    {
        try
        {
            HttpRequestMessage message = request();
            message.RequestUri = new Uri($"http://127.0.0.1:{_app.Port}{message.RequestUri}");
            HttpResponseMessage response = await _http.SendAsync(message);
            return (int)response.StatusCode >= 500 ? null : response;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // Connection refused or reset: the process is dying; give it a moment to be reaped.
            for (int i = 0; i < 50 && !_app.HasExited; i++)
            {
                await Task.Delay(100);
            }

            return null;
        }
    }

    private static HttpRequestMessage Webhook(byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/webhooks/whatsapp", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), body)));
        return request;
    }

    private HttpRequestMessage Approve(string draftId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/approval-center/{draftId}/approve?tenant={Tenant}", UriKind.Relative));
        request.Headers.Add("x-functions-key", TestApp.MasterKey);
        request.Headers.Add("X-Operator-Id", OperatorId);
        return request;
    }

    private async Task<IReadOnlyList<ReplyDraft>> DraftsAsync()
    {
        var table = new TableClient(_azurite.ConnectionString, "Drafts");
        var drafts = new List<ReplyDraft>();
        try
        {
            await foreach (TableEntity row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Tenant}")))
            {
                drafts.Add(JsonSerializer.Deserialize<ReplyDraft>(row.GetString("Data"), StoredJson.Options)!);
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // No draft yet anywhere.
        }

        return drafts;
    }

    private async Task<HashSet<string>> NotifiedDraftsAsync()
    {
        var table = new TableClient(_azurite.ConnectionString, "Notifications");
        var drafts = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (TableEntity row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Tenant}")))
            {
                drafts.Add(row.GetString("DraftId"));
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // Nobody notified.
        }

        return drafts;
    }

    private static byte[] Inbound(string from, string messageId, string text) => Encoding.UTF8.GetBytes(
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\",\"value\":{" +
        "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"966500000000\",\"phone_number_id\":\"" + PhoneNumberId + "\"}," +
        "\"contacts\":[{\"profile\":{\"name\":\"Lead\"},\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + messageId + "\"," +
        "\"timestamp\":\"" + DateTimeOffset.UtcNow.ToUnixTimeSeconds() + "\",\"type\":\"text\",\"text\":{\"body\":\"" +
        string.Concat(text.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:x4}")) + "\"}}]}}]}]}");

    /// <summary>One lead and what happened to it.</summary>
    public sealed class Lead(string phone, string messageId)
    {
        public string Phone { get; } = phone;

        public string MessageId { get; } = messageId;

        public bool Accepted { get; set; }

        public string? DraftId { get; set; }

        public bool Approved { get; set; }

        public bool ApprovedByConflict { get; set; }

        public bool Flagged { get; set; }
    }
}
