using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dealix.Runtime.AzureStorage.Tests.Infrastructure;

/// <summary>
/// One Azurite process on free loopback ports with its own data folder. Installs Azurite through
/// scripts/azurite.sh when it is missing; fails with the reason when it cannot be started. Stopped by PID.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private static readonly string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _launcher;
    private Process? _process;

    private Azurite(string launcher, string dataFolder, int blobPort, int queuePort, int tablePort)
    {
        _launcher = launcher;
        DataFolder = dataFolder;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public string DataFolder { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public int? ProcessId => _process is { HasExited: false } ? _process.Id : null;

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static async Task<Azurite> StartAsync()
    {
        string launcher = await EnsureInstalledAsync();
        for (int attempt = 1; ; attempt++)
        {
            string data = Path.Combine(Path.GetTempPath(), "dealix-azurite-" + Guid.NewGuid().ToString("N")[..10]);
            Directory.CreateDirectory(data);
            int[] ports = FreePorts(3);
            var azurite = new Azurite(launcher, data, ports[0], ports[1], ports[2]);
            try
            {
                await azurite.StartProcessAsync();
                return azurite;
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                // A port found free was taken (an outgoing connection of a test next to this one: the ephemeral range)
                // before Azurite bound it: again on fresh ports.
            }
        }
    }

    /// <summary>Stops Azurite gracefully (SIGTERM, so it saves its metadata), keeping the data folder.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            using (Process kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])!)
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        Started.TryRemove(_process.Id, out _);
        _process.Dispose();
        _process = null;
    }

    /// <summary>Freezes Azurite (SIGSTOP): its ports stay open but nothing answers, as a storage outage looks to a client.</summary>
    public Task FreezeAsync() => SignalAsync("-STOP");

    /// <summary>Lets a frozen Azurite run again (SIGCONT).</summary>
    public Task ThawAsync() => SignalAsync("-CONT");

    private async Task SignalAsync(string signal)
    {
        if (_process is { HasExited: false } process)
        {
            using Process kill = Process.Start("kill", [signal, process.Id.ToString()])!;
            await kill.WaitForExitAsync();
        }
    }

    /// <summary>Starts Azurite again on the same ports and data folder.</summary>
    public Task RestartAsync() => StartProcessAsync();

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            try
            {
                Started.TryRemove(_process.Id, out _);
                if (!_process.HasExited)
                {
                    await ThawAsync(); // a frozen process is let go first, so it does not linger stopped
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            _process.Dispose();
            _process = null;
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a dying process; the temp folder is cleaned by the OS later
        }
    }

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo(_launcher)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
        {
            "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
            "--location", DataFolder,
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(),
        })
        {
            start.ArgumentList.Add(arg);
        }

        var output = new System.Text.StringBuilder();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null");
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Azurite could not be started from {_launcher}: {e.Message}", e);
        }

        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Started[process.Id] = process;

        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (int port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (!await CanConnectAsync(port))
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    string log;
                    lock (output)
                    {
                        log = output.ToString();
                    }

                    await DisposeAsync();
                    throw new InvalidOperationException(
                        $"Azurite did not open port {port} (exited: {process.HasExited}). Output:\n{log}");
                }

                await Task.Delay(100);
            }
        }
    }

    private static async Task<bool> CanConnectAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        int[] ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    // A safety net: if the test process exits without disposing (a crash, a cancelled run), no Azurite outlives it.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Process> Started = new();

    static Azurite() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (Process process in Started.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
        }
    };

    private static async Task<string> EnsureInstalledAsync()
    {
        string root = RepositoryRoot();
        string launcher = Path.Combine(root, ".tools", "azurite", "node_modules", ".bin", "azurite");
        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(launcher))
            {
                return launcher;
            }

            string script = Path.Combine(root, "scripts", "azurite.sh");
            var install = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            install.ArgumentList.Add(script);
            install.ArgumentList.Add("install");
            using Process process = Process.Start(install)
                ?? throw new InvalidOperationException($"Azurite is not installed and {script} could not be run.");
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0 || !File.Exists(launcher))
            {
                throw new InvalidOperationException(
                    $"Azurite is not installed and '{script} install' failed (exit {process.ExitCode}): {await stderr}{await stdout}");
            }

            return launcher;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    internal static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dealix.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Cannot find the repository root (Dealix.Functions.sln) above {AppContext.BaseDirectory}.");
    }
}
