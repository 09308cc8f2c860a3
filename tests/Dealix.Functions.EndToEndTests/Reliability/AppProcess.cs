using System.Diagnostics;
using System.Globalization;
using Dealix.Functions.EndToEndTests.Infrastructure;

namespace Dealix.Functions.EndToEndTests.Reliability;

/// <summary>
/// The real app as a child process, started the way scripts/run.sh starts it (<c>dotnet Dealix.Functions.dll</c>) on a
/// free loopback port with its own script root, settings as environment variables, and optionally an armed crash point
/// (<c>DEALIX_CRASHPOINT</c>). Stopped only by SIGKILL: there is no graceful stop to rely on.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, int port, string log, string? crashPoint)
    {
        _process = process;
        Port = port;
        LogFile = log;
        CrashPoint = crashPoint;
    }

    public int Port { get; }

    public int Pid => _process.Id;

    /// <summary>stdout and stderr of this life.</summary>
    public string LogFile { get; }

    /// <summary>The armed crash point of this life, if any.</summary>
    public string? CrashPoint { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>True when the process died at its armed crash point (it says so on stderr before killing itself).</summary>
    public bool DiedAtCrashPoint => HasExited && File.ReadAllText(LogFile).Contains("DEALIX_CRASHPOINT hit ", StringComparison.Ordinal);

    /// <summary>The built app: functions/Dealix.Functions/bin/{configuration}/net10.0/Dealix.Functions.dll.</summary>
    public static string AppDll()
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        string dll = Path.Combine(AzuriteProcess.RepositoryRoot(), "functions", "Dealix.Functions", "bin", configuration, "net10.0", "Dealix.Functions.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"The app is not built: {dll} is missing (dotnet build functions/Dealix.Functions -c {configuration}).");
    }

    /// <summary>Starts a life of the app and waits until its health endpoint answers (or it dies).</summary>
    public static async Task<AppProcess> StartAsync(string scriptRoot, int port, IReadOnlyDictionary<string, string> settings, string? crashPoint, int life)
    {
        string log = Path.Combine(scriptRoot, $"app-life{life}.log");
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, WorkingDirectory = scriptRoot };
        // exec: the PID we hold is the app's own, so Kill() is a SIGKILL of the app and not of a wrapper.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet \"$0\" --script-root \"$1\" --port \"$2\" >\"$3\" 2>&1");
        start.ArgumentList.Add(AppDll());
        start.ArgumentList.Add(scriptRoot);
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(log);
        foreach ((string key, string value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment.Remove("WEBSITE_INSTANCE_ID");
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        if (crashPoint is not null)
        {
            start.Environment["DEALIX_CRASHPOINT"] = crashPoint;
        }
        else
        {
            start.Environment.Remove("DEALIX_CRASHPOINT");
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started to run the app.");
        var app = new AppProcess(process, port, log, crashPoint);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        DateTime deadline = DateTime.UtcNow.AddMinutes(3); // a deadlock guard for a loaded machine, not a timing assertion
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/api/health")).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(100);
        }

        if (process.HasExited)
        {
            // Died at a crash point while starting (a timer or a queue message fired at once): the caller restarts it.
            return app;
        }

        app.Kill();
        throw new InvalidOperationException($"The app did not answer /api/health within 3 minutes; log: {File.ReadAllText(log)}");
    }

    /// <summary>SIGKILL (never a graceful stop) and wait until the process is gone.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
