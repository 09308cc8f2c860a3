using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dealix.Functions;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Dealix.Benchmarks;

/// <summary>
/// Workload (e), webhook-to-draft latency: the real app (<see cref="DealixApp"/>'s composition, the repository's host.json
/// on its own task hub) on Kestrel at 127.0.0.1 over the harness's Azurite. Each message is a signed WhatsApp Cloud
/// notification from a new contact (a new deal) asking for a price or a demo, in Arabic or English; t0 is just before the
/// POST, t1 the moment the Drafts table write of its reply draft returned (<see cref="ObservedDraftStore"/>). Each row is
/// then read back from storage once, unmeasured. A few unmeasured messages first load the classifier's model.
/// </summary>
internal static class WebhookWorkload
{
    private const string AppSecret = "bench-whatsapp-app-secret";
    private const string PhoneNumberId = "106540352242922";
    private const string Tenant = "bench";
    private const string HubName = "WebhookBench";
    private const int WarmUpMessages = 3;

    // Model training on a busy two-core machine can take a while; the e2e tests allow five minutes for it.
    private static readonly TimeSpan WarmUpBound = TimeSpan.FromMinutes(3);

    private static readonly string[] Texts =
    [
        "السلام عليكم، كم السعر؟",
        "How much does the pilot cost?",
        "كم سعر الباقة؟",
        "Can we book a demo next week?",
        "ممكن نحجز اجتماع يوم الأحد؟",
    ];

    /// <summary>What the in-memory backend reports: the app's deal stores are Azure Storage tables.</summary>
    public static Dictionary<string, object> NotApplicable() => new()
    {
        ["applicable"] = false,
        ["reason"] = "the function app keeps deals and drafts in Azure Storage tables: run with --backend azurite",
    };

    public static async Task<Dictionary<string, object>> RunAsync(string storageConnectionString, int n)
    {
        var writes = new DraftWrites();
        string scriptRoot = CreateScriptRoot();
        FunctionsApplication? app = null;
        try
        {
            int port = AzuriteProcess.FreePort();
            app = await StartAppAsync(storageConnectionString, scriptRoot, port, writes);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Workloads.Budget };
            return await MeasureAsync(http, writes, app.Services.GetRequiredService<TableDraftStore>(), n);
        }
        finally
        {
            if (app is not null)
            {
                // Stop gracefully (listener, triggers, durable worker) before the harness stops Azurite.
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await app.StopAsync(timeout.Token);
                await app.DisposeAsync();
            }

            DeleteQuietly(scriptRoot);
        }
    }

    private static async Task<Dictionary<string, object>> MeasureAsync(HttpClient http, DraftWrites writes, IDraftStore storage, int n)
    {
        var warmUp = Stopwatch.StartNew();
        double firstMs = double.NaN;
        for (int i = 0; i < WarmUpMessages; i++)
        {
            Sample sample = await SendAsync(http, writes, storage, $"96659{i:D7}", $"wamid.BENCH-WARM-{i}", Texts[i % Texts.Length],
                WarmUpBound - warmUp.Elapsed);
            if (sample.Failure is not null)
            {
                return new() { ["n"] = n, ["errors"] = n, ["first_failure"] = $"warm-up message {i}: {sample.Failure}" };
            }

            firstMs = double.IsNaN(firstMs) ? sample.DraftMs : firstMs;
        }

        var drafts = new List<double>(n);
        var acks = new List<double>(n);
        int errors = 0;
        string? firstFailure = null;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < n; i++)
        {
            if (clock.Elapsed > Workloads.Budget)
            {
                errors += n - i; // messages not sent within the budget
                firstFailure ??= $"budget of {Workloads.Budget.TotalSeconds:0} s spent after {i} messages";
                break;
            }

            Sample sample = await SendAsync(http, writes, storage, $"96650{i:D7}", $"wamid.BENCH-{i}", Texts[i % Texts.Length],
                Workloads.Budget - clock.Elapsed);
            if (!double.IsNaN(sample.AckMs))
            {
                acks.Add(sample.AckMs);
            }

            if (sample.Failure is null)
            {
                drafts.Add(sample.DraftMs);
            }
            else
            {
                errors++;
                firstFailure ??= $"message {i}: {sample.Failure}";
            }
        }

        // Without samples there are no percentiles (and JSON has no NaN): the errors and the first failure say why.
        Dictionary<string, object> summary = drafts.Count > 0 ? Percentiles.Summary([.. drafts]) : [];
        summary["n"] = n;
        if (acks.Count > 0)
        {
            double[] sortedAcks = [.. acks.Order()];
            summary["ack_p50_ms"] = Math.Round(Percentiles.NearestRank(sortedAcks, 0.50), 2);
            summary["ack_p99_ms"] = Math.Round(Percentiles.NearestRank(sortedAcks, 0.99), 2);
        }

        summary["errors"] = errors;
        summary["warmup_first_ms"] = Math.Round(firstMs, 1);
        summary["t1"] = "Drafts table write returned (IDraftStore decorator); each row read back from storage";
        if (firstFailure is not null)
        {
            summary["first_failure"] = firstFailure;
        }

        return summary;
    }

    /// <summary>Posts one signed message and waits for its draft; NaN for what was not reached.</summary>
    private static async Task<Sample> SendAsync(
        HttpClient http, DraftWrites writes, IDraftStore storage, string contact, string messageId, string text, TimeSpan bound)
    {
        if (bound <= TimeSpan.Zero)
        {
            return new Sample(double.NaN, double.NaN, "no time left in the budget");
        }

        Task<(ReplyDraft Draft, long WrittenAt)> written = writes.Expect(messageId);
        byte[] body = Inbound(contact, messageId, text);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", Sign(body));

        long t0 = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            writes.Forget(messageId);
            return new Sample(double.NaN, double.NaN, $"webhook request failed: {e.GetType().Name}");
        }

        double ackMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                writes.Forget(messageId);
                return new Sample(ackMs, double.NaN, $"webhook answered {(int)response.StatusCode}");
            }

            using JsonDocument ack = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (ack.RootElement.GetProperty("accepted").GetInt32() != 1)
            {
                writes.Forget(messageId);
                return new Sample(ackMs, double.NaN, "webhook did not accept the message");
            }
        }

        ReplyDraft draft;
        long t1;
        try
        {
            (draft, t1) = await written.WaitAsync(bound);
        }
        catch (TimeoutException)
        {
            writes.Forget(messageId);
            return new Sample(ackMs, double.NaN, $"no draft within {bound.TotalSeconds:0.#} s");
        }

        double draftMs = (t1 - t0) * 1000.0 / Stopwatch.Frequency;

        // Unmeasured: the row is in the table as an operator would read it, pending approval.
        ReplyDraft? row = await storage.GetAsync(Tenant, draft.DraftId);
        return row is { Status: DraftStatus.PendingApproval }
            ? new Sample(ackMs, draftMs, null)
            : new Sample(ackMs, draftMs, row is null ? "draft row not found in storage" : $"draft row is {row.Status}, not pending approval");
    }

    private static async Task<FunctionsApplication> StartAppAsync(string storageConnectionString, string scriptRoot, int port, DraftWrites writes)
    {
        FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(["--port", port.ToString(CultureInfo.InvariantCulture)], scriptRoot);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["Keys:System"] = "bench-system-key",
            ["Keys:Host"] = "bench-host-key",
            ["Keys:Master"] = "bench-master-key",
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:VerifyToken"] = "bench-verify",
            ["WhatsApp:GraphBaseUrl"] = "http://127.0.0.1:9", // nothing is approved, so nothing is sent
            ["WhatsApp:GraphVersion"] = "v23.0",
            ["WhatsApp:PhoneNumberId"] = PhoneNumberId,
            ["WhatsApp:AccessToken"] = "bench-access-token",
            [$"WhatsApp:Tenants:{PhoneNumberId}"] = Tenant,
            ["Deals:WarmUpClassifier"] = "true",
            ["Approvals:CallbackSigningKey"] = "bench-callback-signing-key-0123456789abcdef",
        });
        builder.Logging.ClearProviders();
        DealixApp.Configure(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IDraftStore>(sp => new ObservedDraftStore(sp.GetRequiredService<TableDraftStore>(), writes)));
        FunctionsApplication app = builder.Build();
        await app.StartAsync();
        return app;
    }

    /// <summary>A script root holding the repository's host.json with the workload's own task hub.</summary>
    private static string CreateScriptRoot()
    {
        string source = FindHostJson() ?? throw new InvalidOperationException("The repository's host.json was not found above the harness.");
        JsonNode hostJson = JsonNode.Parse(File.ReadAllText(source)) ?? throw new InvalidOperationException($"{source} is empty.");
        hostJson["extensions"]!["durableTask"]!["hubName"] = HubName;
        string root = Path.Combine(Path.GetTempPath(), "dealix-bench-app-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "host.json"), hostJson.ToJsonString());
        return root;
    }

    private static string? FindHostJson()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dealix.Functions.sln")) && File.Exists(Path.Combine(dir.FullName, "host.json")))
            {
                return Path.Combine(dir.FullName, "host.json");
            }
        }

        return null;
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    // The WhatsApp Cloud API's notification, as in tests/Dealix.Functions.EndToEndTests/Deals/WhatsAppDealFlowTests.cs.
    private static byte[] Inbound(string from, string messageId, string text) => Encoding.UTF8.GetBytes(
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\",\"value\":{" +
        "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"966500000000\",\"phone_number_id\":\"" + PhoneNumberId + "\"}," +
        "\"contacts\":[{\"profile\":{\"name\":\"Lead\"},\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + messageId + "\"," +
        "\"timestamp\":\"" + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "\",\"type\":\"text\",\"text\":{\"body\":" + Escaped(text) + "}}]}}]}]}");

    // Meta sends non-ASCII escaped as \uXXXX: sign and send exactly those bytes.
    private static string Escaped(string text) => "\"" + string.Concat(text.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:x4}")) + "\"";

    private static string Sign(byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), body));

    /// <summary>One message: HTTP acknowledgement and webhook-to-draft times in ms, and why it failed if it did.</summary>
    private sealed record Sample(double AckMs, double DraftMs, string? Failure);
}
