using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.Hosting.Tests;

/// <summary>A host of <see cref="TestFunctions"/> on real Kestrel at 127.0.0.1, on the in-memory backend.</summary>
public sealed class InMemoryHost : IAsyncDisposable
{
    public const string SystemKey = "unit-system";
    public const string HostKey = "unit-host";
    public const string HelloKey = "unit-hello";

    private readonly FunctionsApplication _app;
    private readonly string _root;

    private InMemoryHost(FunctionsApplication app, int port, string root)
    {
        _app = app;
        _root = root;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public HttpClient Client { get; }

    public static async Task<InMemoryHost> StartAsync(bool customHandler = false)
    {
        string root = Path.Combine(Path.GetTempPath(), "dealix-host-unit-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, "host.json"), """
            { "version": "2.0", "extensions": { "http": { "maxRequestBodySize": 4096 },
              "durableTask": { "hubName": "UnitHub", "storageProvider": { "type": "InMemory" } } } }
            """);
        int port = FreePort();
        FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder([], root);
        var settings = new Dictionary<string, string?>
        {
            ["port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Keys:System"] = SystemKey,
            ["Keys:Host"] = HostKey,
            ["Keys:Functions:Hello"] = HelloKey,
            ["AzureWebJobs.TimerTrigger.Disabled"] = "true",
            ["Host:CORS"] = "https://portal.dealix.example",
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        };
        if (!customHandler)
        {
            // No storage in these tests: the queue function only runs behind the (simulated) Functions host.
            settings["AzureWebJobs.QueueTrigger.Disabled"] = "true";
        }
        else
        {
            settings["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddFunctions(typeof(TestFunctions).Assembly);
        FunctionsApplication app = builder.Build();
        await app.StartAsync();
        return new InMemoryHost(app, port, root);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
