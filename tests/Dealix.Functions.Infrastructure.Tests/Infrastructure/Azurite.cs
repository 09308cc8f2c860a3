using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dealix.Functions.Infrastructure.Tests.Infrastructure;

/// <summary>
/// One Azurite for the table store tests, started by <c>scripts/azurite.sh start</c> on free loopback ports with a
/// throw-away data folder and stopped by its PID. If it cannot start, every test fails with the script's reason.
/// </summary>
public sealed class Azurite : IAsyncLifetime
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private int _pid;
    private string _data = string.Empty;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        // A port found free can be taken (an outgoing connection of a test next to this one: the ephemeral range) before
        // Azurite binds it; Azurite then exits with EADDRINUSE: again on fresh ports, at most three times.
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnceAsync();
                return;
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
            }
        }
    }

    private async Task StartOnceAsync()
    {
        string root = FindRoot();
        _data = Path.Combine(Path.GetTempPath(), $"dealix-deals-azurite-{Environment.ProcessId}-{Stopwatch.GetTimestamp()}");
        int[] ports = FreePorts();
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (string arg in new[] { Path.Combine(root, "scripts", "azurite.sh"), "start", _data, $"{ports[0]}", $"{ports[1]}", $"{ports[2]}" })
        {
            info.ArgumentList.Add(arg);
        }

        using Process script = Process.Start(info) ?? throw new InvalidOperationException("bash could not run scripts/azurite.sh");
        Task<string> output = script.StandardOutput.ReadToEndAsync();
        Task<string> errors = script.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await script.WaitForExitAsync(limit.Token);
        string lastLine = (await output).Trim().Split('\n')[^1];
        if (script.ExitCode != 0 || !int.TryParse(lastLine, out _pid))
        {
            throw new InvalidOperationException($"Azurite did not start for the deal store tests (exit {script.ExitCode}): {await errors} {lastLine}");
        }

        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
            $"BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;";
    }

    public async Task DisposeAsync()
    {
        if (_pid > 0)
        {
            try
            {
                using Process process = Process.GetProcessById(_pid);
                process.Kill();
                await process.WaitForExitAsync();
            }
            catch (ArgumentException)
            {
                // Already stopped.
            }
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Temp folders are cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "azurite.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("scripts/azurite.sh not found above the test binaries.");
    }

    private static int[] FreePorts()
    {
        TcpListener[] listeners = [new(IPAddress.Loopback, 0), new(IPAddress.Loopback, 0), new(IPAddress.Loopback, 0)];
        foreach (TcpListener l in listeners)
        {
            l.Start();
        }

        int[] ports = [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        foreach (TcpListener l in listeners)
        {
            l.Stop();
        }

        return ports;
    }
}
