using Dealix.Runtime.Worker;
using Microsoft.Extensions.Logging;

namespace Dealix.Runtime.AzureStorage.Tests.Scenarios;

/// <summary>
/// Entry point of this assembly when started as a process: <c>dotnet Dealix.Runtime.AzureStorage.Tests.dll worker
/// CONNECTION HUB EXECUTION_LOG [MAX_DEQUEUE]</c> runs a worker with <see cref="SampleTasks"/> until killed.
/// Crash and poison tests start it, SIGKILL it and start fresh ones.
/// </summary>
public static class WorkerProgram
{
    public const string ReadyLine = "worker ready";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 4 || args[0] != "worker")
        {
            await Console.Error.WriteLineAsync("usage: worker CONNECTION HUB EXECUTION_LOG [MAX_DEQUEUE]  (tests run with dotnet test)");
            return 64;
        }

        AzureStorageOptions options = Infrastructure.TestHub.Options(args[1], args[2]);
        if (args.Length > 4)
        {
            options.MaxDequeueCount = int.Parse(args[4]);
        }

        using ILoggerFactory logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(new ConsoleLines()));
        await using var backend = new AzureStorageOrchestrationBackend(options, logging);
        await backend.CreateIfNotExistsAsync();
        var registry = new DurableTaskRegistry();
        SampleTasks.Register(registry, new FileExecutionRecorder(args[3], $"pid{Environment.ProcessId}"));
        await using var worker = new DurableTaskWorker(backend, registry, null,
            new DurableTaskWorkerOptions { MaxConcurrentActivities = 16, MaxConcurrentOrchestrations = 16 }, logging);
        await worker.StartAsync();
        Console.WriteLine(ReadyLine);
        await Task.Delay(Timeout.Infinite);
        return 0;
    }

    private sealed class ConsoleLines : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Line();

        public void Dispose()
        {
        }

        private sealed class Line : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                Console.WriteLine($"{logLevel} [{eventId.Id}] {formatter(state, exception)}");
        }
    }
}
