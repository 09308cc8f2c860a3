using System.Text.Json;
using Dealix.Benchmarks;
using Dealix.DurableTask;
using Dealix.DurableTask.Client;
using Dealix.DurableTask.InMemory;
using Dealix.DurableTask.Worker;

// Runs the peers kit's workloads on this engine and writes the kit's result JSON.
// Usage: dotnet Dealix.Benchmarks.dll [--backend inmemory] [--result FILE] [--smoke]
// Sizes come from N_HELLO, N_FANOUT, N_TIMERS, TIMER_MS, N_ROUNDTRIPS, N_IDLE (the kit's defaults otherwise).
string backendName = Arg("--backend") ?? "inmemory";
string? resultFile = Arg("--result") ?? Environment.GetEnvironmentVariable("RESULT_FILE");
bool smoke = args.Contains("--smoke");
int nHello = Size("N_HELLO", smoke ? 50 : 1000);
int nFanOut = Size("N_FANOUT", smoke ? 50 : 1000);
int nTimers = Size("N_TIMERS", smoke ? 20 : 500);
int timerMs = Size("TIMER_MS", smoke ? 500 : 5000);
int nRoundTrips = Size("N_ROUNDTRIPS", smoke ? 20 : 200);
int nIdle = Size("N_IDLE", smoke ? 200 : 10_000);

var registry = Workloads.Register(new DurableTaskRegistry(), timerMs);
var workloads = new Dictionary<string, object>();
string backendDescription;
switch (backendName)
{
    case "inmemory":
    {
        await using var backend = new InMemoryOrchestrationBackend("BenchHub");
        await using var worker = new DurableTaskWorker(backend, registry, options: new DurableTaskWorkerOptions
        {
            MaxConcurrentOrchestrations = 100,
            MaxConcurrentActivities = 100,
        });
        await worker.StartAsync();
        var client = new BackendDurableTaskClient(backend, registry);
        backendDescription = "in-memory backend (engine overhead only, no durability)";
        await RunAllAsync(client, () => backend.WaitForIdleAsync());
        break;
    }

    default:
        Console.Error.WriteLine($"Unknown backend '{backendName}' (known: inmemory).");
        return 2;
}

var result = new Dictionary<string, object>
{
    ["peer"] = $"dealix-{backendName}",
    ["peer_version"] = "Dealix durable engine 0.1.0",
    ["backend"] = backendDescription,
    ["workloads"] = workloads,
};
string json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
Console.WriteLine(json);
if (resultFile is not null)
{
    await File.WriteAllTextAsync(resultFile, json);
}

int errors = workloads.Values.OfType<Dictionary<string, object>>().Sum(w => w.TryGetValue("errors", out object? e) ? (int)e : 0);
return errors == 0 ? 0 : 1;

async Task RunAllAsync(DurableTaskClient client, Func<Task> settle)
{
    await Workloads.HelloAsync(client, 20, "warmup");
    workloads["hello"] = await Workloads.HelloAsync(client, nHello, "hello");
    workloads["fanout"] = await Workloads.FanOutAsync(client, nFanOut, "fanout");
    workloads["timers"] = await Workloads.TimersAsync(client, nTimers, timerMs, "timers");
    workloads["roundtrip"] = await Workloads.RoundTripAsync(client, nRoundTrips, "rt");
    workloads["idle_memory"] = await Workloads.IdleMemoryAsync(client, nIdle, "idle", settle);
}

string? Arg(string name) => Array.IndexOf(args, name) is int i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static int Size(string variable, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(variable), out int value) && value > 0 ? value : fallback;
