using System.Globalization;
using Dealix.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.EndToEndTests.Infrastructure;

/// <summary>
/// The real app (the same composition as Program.cs plus this assembly's test functions) on real Kestrel at
/// 127.0.0.1 on a free port, over Azurite, with its own script root (host.json) and task hub.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string SystemKey = "e2e-system-key";
    public const string HostKey = "e2e-host-key";
    public const string MasterKey = "e2e-master-key";
    public const long MaxBodyBytes = 64 * 1024;

    private readonly FunctionsApplication _app;

    private TestApp(FunctionsApplication app, int port, string scriptRoot)
    {
        _app = app;
        ScriptRoot = scriptRoot;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public string ScriptRoot { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Writes a host.json for <paramref name="hubName"/> on the durable storage provider <paramref name="provider"/>
    /// (<c>Dealix</c> or Microsoft's <c>AzureStorage</c>) into a new script root.
    /// </summary>
    public static string CreateScriptRoot(string hubName, string provider = "Dealix")
    {
        string root = Path.Combine(Path.GetTempPath(), "dealix-e2e-app-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "host.json"), $$"""
            {
              "version": "2.0",
              "functionTimeout": "00:01:00",
              "extensions": {
                "http": { "routePrefix": "api", "maxRequestBodySize": {{MaxBodyBytes.ToString(CultureInfo.InvariantCulture)}} },
                "queues": { "maxPollingInterval": "00:00:00.500", "maxDequeueCount": 3, "visibilityTimeout": "00:00:00" },
                "durableTask": {
                  "hubName": "{{hubName}}",
                  "maxConcurrentActivityFunctions": 4,
                  "maxConcurrentOrchestratorFunctions": 4,
                  "storageProvider": { "type": "{{provider}}", "partitionCount": 2, "maxQueuePollingInterval": "00:00:00.500" }
                }
              }
            }
            """);
        return root;
    }

    public static async Task<TestApp> StartAsync(
        AzuriteProcess azurite, string scriptRoot, IDictionary<string, string?>? settings = null, Action<FunctionsApplicationBuilder>? configure = null)
    {
        int port = AzuriteProcess.FreePort();
        FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(["--port", port.ToString(CultureInfo.InvariantCulture)], scriptRoot);
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Keys:System"] = SystemKey,
            ["Keys:Host"] = HostKey,
            ["Keys:Master"] = MasterKey,
            ["AzureWebJobs.EverySecond.Disabled"] = "true",
            ["AzureWebJobs.Orders.Disabled"] = "true",
            ["AzureWebJobs.OutboxRecovery.Disabled"] = "true", // it re-queues approved drafts that tests seed; Reliability/ tests run it
            // The scheduled outreach jobs run on the wall clock; tests start their runs themselves.
            ["AzureWebJobs.DailyPipelineTimer.Disabled"] = "true",
            ["AzureWebJobs.SendApprovedBatchTimer.Disabled"] = "true",
            ["AzureWebJobs.MorningDigestTimer.Disabled"] = "true", // the report jobs too (Reports/ tests start them)
            ["AzureWebJobs.DailyDigestTimer.Disabled"] = "true",
            ["AzureWebJobs.PreShiftBriefingTimer.Disabled"] = "true",
            ["AzureWebJobs.WeeklySupportReviewTimer.Disabled"] = "true",
            ["AzureWebJobs.ExecutiveWeeklyPackTimer.Disabled"] = "true",
            ["AzureWebJobs.SelfGrowthDailyBriefTimer.Disabled"] = "true",
            ["AzureWebJobs.SelfGrowthWeeklyLearningTimer.Disabled"] = "true",
            ["AzureWebJobs.MarketingAdReviewTimer.Disabled"] = "true", // and the loops' (their tests run them on a virtual clock)
            ["AzureWebJobs.AuditExportTimer.Disabled"] = "true",
            ["AzureWebJobs.FounderAutoActionReviewTimer.Disabled"] = "true",
            ["AzureWebJobs.BrainWeeklyReflectionTimer.Disabled"] = "true",
            ["AzureWebJobs.WeeklyTrendReportTimer.Disabled"] = "true",
            ["AzureWebJobs.WeeklyContentSuggestionsTimer.Disabled"] = "true",
            ["AzureWebJobs.MonthlyCompetitiveAnalysisTimer.Disabled"] = "true",
        };
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (Environment.GetEnvironmentVariable("DEALIX_E2E_LOG") is { Length: > 0 } log)
        {
            // To see the app's warnings and errors while debugging a test; "kestrel" adds Kestrel's connection log.
            builder.Logging.AddConsole();
            if (log == "kestrel")
            {
                builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Debug);
            }
        }

        DealixApp.Configure(builder);
        builder.AddFunctions(typeof(TestApp).Assembly);
        configure?.Invoke(builder);
        FunctionsApplication app = builder.Build();
        await app.StartAsync();
        return new TestApp(app, port, scriptRoot);
    }

    /// <summary>Stops the host gracefully (listeners, triggers, durable worker) and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        // Microsoft's engine may take minutes to stop gracefully right after it started (its partitions are still
        // being acquired); every test has its own task hub, so a short stop loses nothing.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_app.Options.IsAzureStorageProvider ? 3 : 30));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
