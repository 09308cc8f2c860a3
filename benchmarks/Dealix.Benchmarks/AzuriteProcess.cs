using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dealix.Benchmarks;

/// <summary>A fresh Azurite on free loopback ports with an empty data folder, stopped by PID on dispose.</summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process _process;
    private readonly string _data;

    private AzuriteProcess(Process process, string data, int blob, int queue, int table)
    {
        _process = process;
        _data = data;
        BlobPort = blob;
        QueuePort = queue;
        TablePort = table;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static async Task<AzuriteProcess> StartAsync(string launcher)
    {
        string data = Path.Combine(Path.GetTempPath(), "dealix-bench-azurite-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        int[] ports = [FreePort(), FreePort(), FreePort()];
        var start = new ProcessStartInfo(launcher)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] extra = (Environment.GetEnvironmentVariable("AZURITE_EXTRA_ARGS") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] location = extra.Contains("--inMemoryPersistence") ? [] : ["--location", data];
        foreach (string arg in (string[])["--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose", .. location,
            "--blobHost", "127.0.0.1", "--blobPort", $"{ports[0]}", "--queueHost", "127.0.0.1", "--queuePort", $"{ports[1]}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{ports[2]}"])
        {
            start.ArgumentList.Add(arg);
        }

        // Diagnostics only (e.g. AZURITE_EXTRA_ARGS=--inMemoryPersistence to see what Azurite's disk saves cost);
        // recorded results use the default disk mode, like the peers kit's storage probe.
        foreach (string arg in extra)
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {launcher}.");
        var azurite = new AzuriteProcess(process, data, ports[0], ports[1], ports[2]);
        foreach (int port in ports)
        {
            if (!await WaitForPortAsync(port, TimeSpan.FromSeconds(30)))
            {
                await azurite.DisposeAsync();
                throw new InvalidOperationException($"Azurite did not open port {port} within 30 s.");
            }
        }

        return azurite;
    }

    /// <summary>Finds the Azurite launcher: AZURITE_BIN, the peers kit's cache, then the repository's .tools folder.</summary>
    public static string? FindLauncher()
    {
        if (Environment.GetEnvironmentVariable("AZURITE_BIN") is { Length: > 0 } explicitBin && File.Exists(explicitBin))
        {
            return explicitBin;
        }

        if (Environment.GetEnvironmentVariable("PEERS_CACHE") is { Length: > 0 } cache
            && Path.Combine(cache, "azurite", "node_modules", ".bin", "azurite") is var kitBin && File.Exists(kitBin))
        {
            return kitBin;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, ".tools", "azurite", "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> WaitForPortAsync(int port, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }
}
