using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dealix.Functions.EndToEndTests.Infrastructure;

/// <summary>
/// An Azurite started through <c>scripts/azurite.sh start</c> on free loopback ports with a temporary data folder,
/// stopped by its PID. Throws with the script's own explanation when Azurite cannot start: these tests fail, never skip.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private static readonly string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private AzuriteProcess(int pid, string dataFolder, int blob, int queue, int table)
    {
        Pid = pid;
        DataFolder = dataFolder;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    public int Pid { get; }

    public string DataFolder { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// Starts Azurite on fresh free ports, up to three times: a port found free can be taken (by an outgoing connection
    /// of a test running next to this one: the ephemeral range) before Azurite binds it; Azurite then exits with
    /// EADDRINUSE and the script with 4. Any other failure is reported at once.
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync()
    {
        for (int attempt = 1; ; attempt++)
        {
            (AzuriteProcess? started, int exitCode, string error) = await TryStartAsync();
            if (started is not null)
            {
                return started;
            }

            if (exitCode != 4 || !error.Contains("EADDRINUSE", StringComparison.Ordinal) || attempt == 3)
            {
                throw new InvalidOperationException(
                    $"Azurite could not be started for the end-to-end tests (scripts/azurite.sh start exited {exitCode}, attempt {attempt}): {error}");
            }
        }
    }

    private static async Task<(AzuriteProcess? Started, int ExitCode, string Error)> TryStartAsync()
    {
        string root = RepositoryRoot();
        string data = Path.Combine(Path.GetTempPath(), "dealix-e2e-azurite-" + Guid.NewGuid().ToString("N")[..8]);
        int[] ports = FreePorts(3);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (string arg in new[] { Path.Combine(root, "scripts", "azurite.sh"), "start", data, ports[0].ToString(), ports[1].ToString(), ports[2].ToString() })
        {
            start.ArgumentList.Add(arg);
        }

        using Process script = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started to run scripts/azurite.sh.");
        Task<string> stdout = script.StandardOutput.ReadToEndAsync();
        Task<string> stderr = script.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await script.WaitForExitAsync(timeout.Token);
        string output = (await stdout).Trim();
        return script.ExitCode == 0 && int.TryParse(output.Split('\n').Last(), out int pid)
            ? (new AzuriteProcess(pid, data, ports[0], ports[1], ports[2]), 0, string.Empty)
            : (null, script.ExitCode, $"{await stderr} {output}");
    }

    public static int FreePort() => FreePorts(1)[0];

    public async ValueTask DisposeAsync()
    {
        try
        {
            using Process azurite = Process.GetProcessById(Pid);
            azurite.Kill();
            await azurite.WaitForExitAsync();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp folders; a file still held does not fail the run.
        }
    }

    internal static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "azurite.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"scripts/azurite.sh was not found above {AppContext.BaseDirectory}.");
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        int[] ports = [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
