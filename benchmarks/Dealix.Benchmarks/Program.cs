using System.Diagnostics;
using System.Text.Json;
using Dealix.Benchmarks;
using Dealix.Runtime.AzureStorage;
using Dealix.Runtime.Client;
using Dealix.Runtime.InMemory;
using Dealix.Runtime.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using StorageCallCounter = Dealix.Benchmarks.StorageCallCounter;

// Runs the peers kit's workloads on this engine and writes the kit's result JSON.
// Usage: dotnet Dealix.Benchmarks.dll [--backend inmemory|azurite] [--result FILE] [--smoke] [--alloc]
// --alloc (in memory only): instead of the workloads, the managed bytes allocated per orchestration and per step by
// HelloCities5 and the fan-out, ALLOC_REPEAT times each (default 5) after a warm-up of both; with ALLOC_TYPES=1 also the
// sampled share of each allocated type in the fan-out (GCAllocationTick events, in process).
// Sizes come from N_HELLO, N_FANOUT, N_TIMERS, TIMER_MS, N_ROUNDTRIPS, N_IDLE, N_CALLS (the kit's defaults otherwise)
// and N_WEBHOOK (workload e, the app's webhook-to-draft latency, azurite backend only).
// The azurite backend starts its own Azurite (AZURITE_BIN, the kit's cache or the repository's .tools) on free
// ports with an empty data folder and stops it by PID at the end.
if (args.Contains("--micro"))
{
    // BenchmarkDotNet micro-benchmarks; the arguments after --micro go to BenchmarkDotNet (e.g. --filter *).
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly)
        .Run([.. args.SkipWhile(a => a != "--micro").Skip(1)]);
    return 0;
}

string backendName = Arg("--backend") ?? "inmemory";
string? resultFile = Arg("--result") ?? Environment.GetEnvironmentVariable("RESULT_FILE");
bool smoke = args.Contains("--smoke");
bool allocationOnly = args.Contains("--alloc");
int nHello = Size("N_HELLO", smoke ? 50 : 1000);
int nFanOut = Size("N_FANOUT", smoke ? 50 : 1000);
int nTimers = Size("N_TIMERS", smoke ? 20 : 500);
int timerMs = Size("TIMER_MS", smoke ? 500 : 5000);
int nRoundTrips = Size("N_ROUNDTRIPS", smoke ? 20 : 200);
int nIdle = Size("N_IDLE", smoke ? 200 : 10_000);
int nCalls = Size("N_CALLS", smoke ? 10 : 100);
int nWebhook = Size("N_WEBHOOK", smoke ? 5 : 100);
int partitions = Size("PARTITIONS", 4);

// The peers kit gives an engine DEADLINE_S (240 s) for everything it runs; each workload may take a sixth of it (most
// take seconds), leaving room for Azurite, the storage-call count and the in-memory run that follow in the same
// command. Idle memory runs before the webhook workload, whose app (and its classifier model) would blur it.
Workloads.Budget = TimeSpan.FromSeconds(Size("DEADLINE_S", smoke ? 100 : 240) / 6.0);

var registry = Workloads.Register(new DurableTaskRegistry(), timerMs);
var workloads = new Dictionary<string, object>();
string backendDescription;
var workerOptions = new DurableTaskWorkerOptions { MaxConcurrentOrchestrations = 100, MaxConcurrentActivities = 100 };
switch (backendName)
{
    case "inmemory":
        {
            await using var backend = new InMemoryOrchestrationBackend("BenchHub");
            await using var worker = new DurableTaskWorker(backend, registry, options: workerOptions);
            await worker.StartAsync();
            var client = new BackendDurableTaskClient(backend, registry);
            backendDescription = "in-memory backend (engine overhead only, no durability)";
            await Workloads.HelloAsync(client, 20, "warmup");
            if (allocationOnly)
            {
                Report("allocation", await AllocationAsync(client));
                break;
            }

            await RunAllAsync(client, () => backend.WaitForIdleAsync(), storage: null);
            break;
        }

    case "azurite":
        {
            string launcher = AzuriteProcess.FindLauncher()
                ?? throw new InvalidOperationException("Azurite is not installed: run scripts/azurite.sh install or set AZURITE_BIN.");
            await using AzuriteProcess azurite = await AzuriteProcess.StartAsync(launcher);
            using var counter = new StorageCallCounter(new Dictionary<int, string>
            {
                [azurite.BlobPort] = "blob",
                [azurite.QueuePort] = "queue",
                [azurite.TablePort] = "table",
            });
            var options = new AzureStorageOptions { ConnectionString = azurite.ConnectionString, TaskHubName = "BenchHub", PartitionCount = partitions };
            // BENCH_LOG=1 shows the backend's warnings and errors (post-commit failures, poison, lost work items).
            using ILoggerFactory logging = LoggerFactory.Create(b => b.SetMinimumLevel(
                Environment.GetEnvironmentVariable("BENCH_LOG") switch { "1" => LogLevel.Warning, "2" => LogLevel.Information, _ => LogLevel.None }).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
            await using var backend = new AzureStorageOrchestrationBackend(options, logging);
            await backend.CreateIfNotExistsAsync();
            await using var worker = new DurableTaskWorker(backend, registry, options: workerOptions);
            await worker.StartAsync();

            // The storage-call count uses a client on its own backend instance addressed as "localhost", so that its
            // calls count apart from the worker's; the other workloads use an in-process client, as the peers do.
            var clientOptions = new AzureStorageOptions
            {
                ConnectionString = azurite.ConnectionString.Replace("127.0.0.1", "localhost", StringComparison.Ordinal),
                TaskHubName = "BenchHub",
                PartitionCount = partitions,
            };
            await using var clientBackend = new AzureStorageOrchestrationBackend(clientOptions);
            var countedClient = new BackendDurableTaskClient(clientBackend, registry);
            var client = new BackendDurableTaskClient(backend, registry);
            backendDescription = $"Azurite 3.37.0 (disk, fresh), {partitions} control queues, worker and client in one process";
            await Workloads.HelloAsync(client, 20, "warmup");
            if (Selected("storage_calls"))
            {
                workloads["storage_calls"] = await StorageCallsAsync(countedClient, client, counter);
            }

            counter.Reset();
            await RunAllAsync(client, () => Task.Delay(TimeSpan.FromSeconds(smoke ? 2 : 10)), azurite.ConnectionString);
            Console.Error.WriteLine($"storage calls during the workloads: {JsonSerializer.Serialize(counter.Snapshot().OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary())}");
            Console.Error.WriteLine($"mean ms per storage call: {JsonSerializer.Serialize(counter.MeanMilliseconds().OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary())}");
            break;
        }

    default:
        Console.Error.WriteLine($"Unknown backend '{backendName}' (known: inmemory, azurite).");
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

async Task RunAllAsync(DurableTaskClient client, Func<Task> settle, string? storage)
{
    // Each result goes to stderr as soon as it exists, so a run cut short by the kit's limit still shows it.
    if (Selected("hello"))
    {
        Report("hello", await Workloads.HelloAsync(client, nHello, "hello"));
    }

    if (Selected("fanout"))
    {
        Report("fanout", await Workloads.FanOutAsync(client, nFanOut, "fanout"));
    }

    if (Selected("timers"))
    {
        Report("timers", await Workloads.TimersAsync(client, nTimers, timerMs, "timers"));
    }

    if (Selected("roundtrip"))
    {
        Report("roundtrip", await Workloads.RoundTripAsync(client, nRoundTrips, "rt"));
    }

    if (Selected("idle_memory"))
    {
        Report("idle_memory", await Workloads.IdleMemoryAsync(client, nIdle, "idle", settle));
    }

    if (Selected("webhook"))
    {
        // The real app on its own task hub in the same Azurite; in memory there are no tables for its deal stores.
        Report("webhook", storage is null ? WebhookWorkload.NotApplicable() : await WebhookWorkload.RunAsync(storage, nWebhook));
    }
}

// WORKLOADS=hello,timers runs only those (for profiling one path); unset runs everything the kit asks for.
bool Selected(string name) =>
    Environment.GetEnvironmentVariable("WORKLOADS") is not { Length: > 0 } only
    || only.Split(',', StringSplitOptions.TrimEntries).Contains(name, StringComparer.Ordinal);

async Task<Dictionary<string, object>> StorageCallsAsync(DurableTaskClient client, DurableTaskClient inProcessClient, StorageCallCounter counter)
{
    // Idle cost first: what an idle worker spends per second polling.
    await Task.Delay(TimeSpan.FromSeconds(2));
    counter.Reset();
    var idleClock = Stopwatch.StartNew();
    await Task.Delay(TimeSpan.FromSeconds(smoke ? 2 : 5));
    double idleCallsPerSecond = counter.Snapshot().Where(kv => kv.Key.StartsWith("worker", StringComparison.Ordinal)).Sum(kv => kv.Value) / idleClock.Elapsed.TotalSeconds;

    counter.Reset();
    Dictionary<string, object> run = await Workloads.HelloAsync(client, nCalls, "calls");
    await Task.Delay(TimeSpan.FromSeconds(1)); // let outbox clean-ups that follow the last commit land
    IReadOnlyDictionary<string, long> calls = counter.Snapshot();
    double worker = calls.Where(kv => kv.Key.StartsWith("worker", StringComparison.Ordinal)).Sum(kv => kv.Value) / (double)nCalls;
    double clientCalls = calls.Where(kv => kv.Key.StartsWith("client", StringComparison.Ordinal)).Sum(kv => kv.Value) / (double)nCalls;

    // The same again with the client sharing the worker's backend (as an HTTP trigger in the function host does):
    // starts, events and self-timers then skip the control queue, and every call counts as the worker's.
    counter.Reset();
    Dictionary<string, object> local = await Workloads.HelloAsync(inProcessClient, nCalls, "calls-local");
    await Task.Delay(TimeSpan.FromSeconds(1));
    IReadOnlyDictionary<string, long> localCalls = counter.Snapshot();
    return new()
    {
        ["n"] = nCalls,
        ["errors"] = (int)run["errors"] + (int)local["errors"],
        ["in_process_calls_per_orchestration"] = Math.Round(localCalls.Sum(kv => kv.Value) / (double)nCalls, 2),
        ["in_process_by_kind_per_orchestration"] = localCalls.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => (object)Math.Round(kv.Value / (double)nCalls, 2)),
        ["worker_calls_per_orchestration"] = Math.Round(worker, 2),
        ["client_calls_per_orchestration"] = Math.Round(clientCalls, 2),
        ["by_kind_per_orchestration"] = calls.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => (object)Math.Round(kv.Value / (double)nCalls, 2)),
        ["idle_worker_calls_per_s"] = Math.Round(idleCallsPerSecond, 1),
    };
}

// What HelloCities5 and the fan-out allocate, measured by GC.GetTotalAllocatedBytes(precise: true) around each
// repetition: worker, engine, in-memory backend and client share the process, so this is everything an orchestration
// costs it. Both workloads run once first (JIT, caches); the repetitions are the steady state.
async Task<Dictionary<string, object>> AllocationAsync(DurableTaskClient client)
{
    int repeat = Size("ALLOC_REPEAT", smoke ? 2 : 5);
    await Workloads.HelloAsync(client, nHello, "alloc-warmup");
    await Workloads.FanOutAsync(client, nFanOut, "alloc-warmup");
    var hello = new List<Dictionary<string, object>>();
    var fanOut = new List<Dictionary<string, object>>();
    for (int r = 0; r < repeat; r++)
    {
        hello.Add(await Workloads.HelloAsync(client, nHello, $"alloc-{r}"));
        fanOut.Add(await Workloads.FanOutAsync(client, nFanOut, $"alloc-{r}"));
    }

    static double Median(IEnumerable<Dictionary<string, object>> runs, string key)
    {
        double[] v = [.. runs.Select(r => Convert.ToDouble(r[key], System.Globalization.CultureInfo.InvariantCulture)).Order()];
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }

    Dictionary<string, object> sampledHello = [];
    Dictionary<string, object> sampledFanOut = [];
    if (Environment.GetEnvironmentVariable("ALLOC_TYPES") == "1")
    {
        // Both again, sampled: bytes per step by type, largest first (a type under about 1 % of the total is noise).
        using var sampler = new AllocationSampler();
        int sampledRuns = Size("ALLOC_TYPES_REPEAT", 20);
        sampler.Start();
        for (int r = 0; r < sampledRuns; r++)
        {
            await Workloads.HelloAsync(client, nHello, $"alloc-sampled-{r}");
        }

        sampler.Stop();
        sampledHello = sampler.Bytes.OrderByDescending(kv => kv.Value).Take(40)
            .ToDictionary(kv => kv.Key, kv => (object)Math.Round(kv.Value / (double)(sampledRuns * nHello * 5), 1));
        sampler.Start();
        for (int r = 0; r < sampledRuns; r++)
        {
            await Workloads.FanOutAsync(client, nFanOut, $"alloc-sampled-{r}");
        }

        sampler.Stop();
        sampledFanOut = sampler.Bytes.OrderByDescending(kv => kv.Value).Take(40)
            .ToDictionary(kv => kv.Key, kv => (object)Math.Round(kv.Value / (double)(sampledRuns * nFanOut), 1));
    }

    return new()
    {
        ["hello_sampled_bytes_per_step_by_type"] = sampledHello,
        ["fanout_sampled_bytes_per_step_by_type"] = sampledFanOut,
        ["repeat"] = repeat,
        ["hello_n"] = nHello,
        ["fanout_n"] = nFanOut,
        ["hello_kb_per_orchestration"] = hello.Select(r => r["allocated_kb_per_orchestration"]).ToArray(),
        ["hello_bytes_per_step"] = hello.Select(r => r["allocated_bytes_per_step"]).ToArray(),
        ["fanout_kb_per_orchestration"] = fanOut.Select(r => r["allocated_kb_per_orchestration"]).ToArray(),
        ["fanout_bytes_per_step"] = fanOut.Select(r => r["allocated_bytes_per_step"]).ToArray(),
        ["median_hello_kb_per_orchestration"] = Median(hello, "allocated_kb_per_orchestration"),
        ["median_hello_bytes_per_step"] = Median(hello, "allocated_bytes_per_step"),
        ["median_fanout_kb_per_orchestration"] = Median(fanOut, "allocated_kb_per_orchestration"),
        ["median_fanout_bytes_per_step"] = Median(fanOut, "allocated_bytes_per_step"),
        ["errors"] = hello.Sum(r => (int)r["errors"]) + fanOut.Sum(r => (int)r["errors"]),
    };
}

void Report(string name, Dictionary<string, object> result)
{
    workloads[name] = result;
    Console.Error.WriteLine($"{name}: {JsonSerializer.Serialize(result)}");
}

string? Arg(string name) => Array.IndexOf(args, name) is int i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static int Size(string variable, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(variable), out int value) && value > 0 ? value : fallback;
