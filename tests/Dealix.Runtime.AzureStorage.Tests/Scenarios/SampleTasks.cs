
namespace Dealix.Runtime.AzureStorage.Tests.Scenarios;

/// <summary>
/// HelloCities-style orchestrations used by the scale, crash and restart scenarios. Every activity execution is
/// recorded (idempotency key, attempt, worker) so a test can count duplicated executions.
/// </summary>
public static class SampleTasks
{
    public const string HelloCities = "HelloCities";
    public const string TimerThenHello = "TimerThenHello";
    public const string CallsCrashingActivity = "CallsCrashingActivity";
    public const string SayHello = "SayHello";
    public const string CrashProcess = "CrashProcess";

    public static readonly string[] Cities = ["Tokyo", "Seattle", "London", "Amsterdam", "Mumbai"];

    public static IReadOnlyList<string> ExpectedHello => Cities.Select(c => $"Hello {c}!").ToList();

    public static DurableTaskRegistry Register(DurableTaskRegistry tasks, IExecutionRecorder recorder) => tasks
        .AddOrchestratorFunc<object?, List<string>>(HelloCities, async (context, _) =>
        {
            var greetings = new List<string>();
            foreach (string city in Cities)
            {
                greetings.Add(await context.CallActivityAsync<string>(SayHello, city));
            }

            return greetings;
        })
        .AddOrchestratorFunc<int, string>(TimerThenHello, async (context, seconds) =>
        {
            await context.CreateTimer(TimeSpan.FromSeconds(seconds), CancellationToken.None);
            return await context.CallActivityAsync<string>(SayHello, "Timer");
        })
        .AddOrchestratorFunc<object?, string>(CallsCrashingActivity, async (context, _) =>
            await context.CallActivityAsync<string>(CrashProcess, "boom"))
        .AddActivityFunc<string, string>(SayHello, async (context, city) =>
        {
            await Task.Delay(20); // a little real work, so that a kill finds activities in flight
            var engine = (Dealix.Runtime.Worker.ActivityInvocationContext)context; // the engine's own key and attempt, which it records for telemetry
            recorder.Record(engine.IdempotencyKey, engine.Attempt);
            return $"Hello {city}!";
        })
        .AddActivityFunc<string, string>(CrashProcess, (_, _) =>
        {
            // Takes the whole worker process down, as a native crash or an out-of-memory kill would.
            Environment.FailFast("CrashProcess activity: simulated transport crash");
            return "unreachable";
        });

    public static bool IsEnded(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}

/// <summary>Where activity executions are recorded.</summary>
public interface IExecutionRecorder
{
    void Record(string idempotencyKey, int attempt);
}

/// <summary>Appends one line per execution to a file shared by processes (O_APPEND lines are atomic on Linux).</summary>
public sealed class FileExecutionRecorder(string path, string worker) : IExecutionRecorder
{
    private readonly Lock _gate = new();

    public void Record(string idempotencyKey, int attempt)
    {
        lock (_gate)
        {
            File.AppendAllText(path, $"{idempotencyKey}|{attempt}|{worker}\n");
        }
    }

    public static IReadOnlyList<(string Key, int Attempt, string Worker)> Read(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split('|')).Select(p => (p[0], int.Parse(p[1]), p[2])).ToList()
            : [];
}

/// <summary>Counts executions in memory, per worker.</summary>
public sealed class MemoryExecutionRecorder(string worker, System.Collections.Concurrent.ConcurrentBag<(string Key, string Worker)> sink) : IExecutionRecorder
{
    public void Record(string idempotencyKey, int attempt) => sink.Add(($"{idempotencyKey}#{attempt}", worker));
}
