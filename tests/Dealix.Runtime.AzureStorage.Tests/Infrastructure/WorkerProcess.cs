using System.Diagnostics;
using System.Text;
using Dealix.Runtime.AzureStorage.Tests.Scenarios;

namespace Dealix.Runtime.AzureStorage.Tests.Infrastructure;

/// <summary>A worker in its own process (this test assembly's entry point), killed by PID.</summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<WorkerProcess> StartAsync(string connectionString, string hub, string executionLog, int? maxDequeueCount = null)
    {
        string assembly = typeof(WorkerProgram).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "exec", assembly, "worker", connectionString, hub, executionLog })
        {
            start.ArgumentList.Add(arg);
        }

        if (maxDequeueCount is { } max)
        {
            start.ArgumentList.Add(max.ToString());
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start the worker process");
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => worker.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Task exited = process.WaitForExitAsync();
        if (await Task.WhenAny(worker._ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))) != worker._ready.Task)
        {
            await worker.DisposeAsync();
            throw new InvalidOperationException($"The worker process did not become ready. Output:\n{worker.Output}");
        }

        return worker;
    }

    /// <summary>SIGKILL: no cleanup, no lease release, messages stay invisible until their lock lapses.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public Task WaitForExitAsync(CancellationToken cancellation) => _process.WaitForExitAsync(cancellation);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains(WorkerProgram.ReadyLine, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
