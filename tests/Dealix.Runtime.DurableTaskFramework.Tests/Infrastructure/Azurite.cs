using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dealix.Runtime.DurableTaskFramework.Tests.Infrastructure;

/// <summary>
/// One Azurite started through <c>scripts/azurite.sh start</c> (which installs it when missing, waits for its ports
/// and prints its PID) on this project's fixed ports, with its own data folder; stopped by that PID. Fails with the
/// script's reason when it cannot start, for example when another process holds the ports.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    public const int BlobPort = 10300;
    public const int QueuePort = 10301;
    public const int TablePort = 10302;

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // A safety net: if the test process exits without disposing, no Azurite outlives it.
    private static readonly ConcurrentDictionary<int, bool> Started = new();

    static Azurite() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (int pid in Started.Keys)
        {
            TryKill(pid, "-KILL");
        }
    };

    private Azurite(int processId, string dataFolder)
    {
        ProcessId = processId;
        DataFolder = dataFolder;
    }

    public int ProcessId { get; }

    public string DataFolder { get; }

    public static string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static async Task<Azurite> StartAsync()
    {
        string root = RepositoryRoot();
        string data = Path.Combine(Path.GetTempPath(), "dealix-dtfx-azurite-" + Guid.NewGuid().ToString("N")[..10]);
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (string arg in new[] { Path.Combine(root, "scripts", "azurite.sh"), "start", data, $"{BlobPort}", $"{QueuePort}", $"{TablePort}" })
        {
            start.ArgumentList.Add(arg);
        }

        using Process script = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started to run scripts/azurite.sh.");
        Task<string> stdout = script.StandardOutput.ReadToEndAsync();
        Task<string> stderr = script.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await script.WaitForExitAsync(timeout.Token);
        string output = (await stdout).Trim();
        string lastLine = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;
        if (script.ExitCode != 0 || !int.TryParse(lastLine, out int pid))
        {
            throw new InvalidOperationException(
                $"scripts/azurite.sh start failed (exit {script.ExitCode}) on ports {BlobPort}-{TablePort}: {await stderr}{output}");
        }

        Started[pid] = true;
        return new Azurite(pid, data);
    }

    /// <summary>Stops Azurite by its PID (SIGTERM, then SIGKILL after 10 s) and deletes its data folder.</summary>
    public async ValueTask DisposeAsync()
    {
        TryKill(ProcessId, "-TERM");
        for (int i = 0; i < 100 && IsAlive(ProcessId); i++)
        {
            await Task.Delay(100);
        }

        if (IsAlive(ProcessId))
        {
            TryKill(ProcessId, "-KILL");
        }

        Started.TryRemove(ProcessId, out _);
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by the dying process; the temp folder is cleaned by the OS later
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using Process process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryKill(int pid, string signal)
    {
        try
        {
            using Process kill = Process.Start("kill", [signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
            kill.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no kill binary: nothing more to do
        }
    }

    private static string RepositoryRoot()
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
