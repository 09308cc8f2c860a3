using System.Diagnostics;

namespace Dealix.Conformance.Tests.Engines;

/// <summary>
/// Azurite for the Azure Storage engines, started by scripts/azurite.sh (which installs it when missing) on the
/// suite's fixed ports and stopped by its PID. Fails with the reason, never skips.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The suite's ports (blob, queue, table): apart from the other test projects' free-port Azurites.</summary>
    public const int BlobPort = 10400;
    public const int QueuePort = 10401;
    public const int TablePort = 10402;

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly int _pid;
    private readonly string _dataFolder;

    private AzuriteProcess(int pid, string dataFolder)
    {
        _pid = pid;
        _dataFolder = dataFolder;
    }

    public static string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static async Task<AzuriteProcess> StartAsync()
    {
        string data = Path.Combine(Path.GetTempPath(), "dealix-conformance-azurite-" + Guid.NewGuid().ToString("N")[..10]);
        string script = Path.Combine(RepositoryRoot(), "scripts", "azurite.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { script, "start", data, BlobPort.ToString(), QueuePort.ToString(), TablePort.ToString() })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{script} could not be run.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        string printed = (await stdout).Trim();
        if (process.ExitCode != 0 || !int.TryParse(printed, out int pid))
        {
            throw new InvalidOperationException(
                $"Azurite did not start on ports {BlobPort}-{TablePort} ('{script} start' exit {process.ExitCode}; " +
                $"is another Azurite using them?): {await stderr}{printed}");
        }

        return new AzuriteProcess(pid, data);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using Process azurite = Process.GetProcessById(_pid);
            azurite.Kill();
            await azurite.WaitForExitAsync();
        }
        catch (ArgumentException)
        {
            // already gone
        }

        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by the dying process; the temp folder is cleaned by the OS later
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
