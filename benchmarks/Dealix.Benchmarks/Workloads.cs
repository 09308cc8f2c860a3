using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Dealix.Benchmarks;

/// <summary>
/// The peers kit's workloads (shared/peers/README.md), mapped onto this engine: step = activity call, fan-out =
/// schedule then WhenAll, timer = CreateTimer(now + delay), event = custom status "ready" then WaitForExternalEvent.
/// </summary>
internal static class Workloads
{
    public const string Hello = "Bench.HelloCities5";
    public const string FanOut = "Bench.FanOut";
    public const string Sleeper = "Bench.Sleeper";
    public const string RoundTrip = "Bench.RoundTrip";
    public const string Idle = "Bench.Idle";
    private static readonly string[] Cities = ["Tokyo", "Seattle", "London", "Amsterdam", "Mumbai"];

    /// <summary>Timer lateness samples: instance id → (scheduled, woke) in Stopwatch ticks.</summary>
    public static ConcurrentDictionary<string, (long Scheduled, long Woke)> Lateness { get; } = new();

    public static DurableTaskRegistry Register(DurableTaskRegistry tasks, int timerMs) => tasks
        .AddOrchestratorFunc<object?, List<string>>(Hello, async (context, _) =>
        {
            var greetings = new List<string>(5);
            foreach (string city in Cities)
            {
                greetings.Add(await context.CallActivityAsync<string>("Bench.SayHello", city));
            }

            return greetings;
        })
        .AddActivityFunc<string, string>("Bench.SayHello", (_, city) => $"Hello {city}!")
        .AddOrchestratorFunc<int, int>(FanOut, async (context, n) =>
        {
            var steps = new List<Task<int>>(n);
            for (int i = 0; i < n; i++)
            {
                steps.Add(context.CallActivityAsync<int>("Bench.Index", i));
            }

            int[] done = await Task.WhenAll(steps);
            return done.Length;
        })
        .AddActivityFunc<int, int>("Bench.Index", (_, i) => i)
        .AddOrchestratorFunc<object?, bool>(Sleeper, async (context, _) =>
        {
            if (!context.IsReplaying)
            {
                Lateness[context.InstanceId] = (Stopwatch.GetTimestamp() + (long)(timerMs / 1000.0 * Stopwatch.Frequency), 0);
            }

            await context.CreateTimer(TimeSpan.FromMilliseconds(timerMs), CancellationToken.None);
            if (!context.IsReplaying && Lateness.TryGetValue(context.InstanceId, out var sample) && sample.Woke == 0)
            {
                Lateness[context.InstanceId] = sample with { Woke = Stopwatch.GetTimestamp() };
            }

            return true;
        })
        .AddOrchestratorFunc<string>(RoundTrip, async context =>
        {
            context.SetCustomStatus("ready");
            return await context.WaitForExternalEvent<string>("ping");
        })
        .AddOrchestratorFunc<string>(Idle, context => context.WaitForExternalEvent<string>("never"));

    /// <summary>How long one workload may take before it is cut short (its unfinished instances count as errors).</summary>
    public static TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(60);

    public static async Task<Dictionary<string, object>> HelloAsync(DurableTaskClient client, int n, string prefix)
    {
        using var budget = new CancellationTokenSource(Budget);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long t0 = Stopwatch.GetTimestamp();
        string[] ids = await Task.WhenAll(Enumerable.Range(0, n).Select(i =>
            client.ScheduleNewOrchestrationInstanceAsync(Hello, null, new StartOrchestrationOptions($"{prefix}-{i}"))));
        OrchestrationMetadata?[] done = await Task.WhenAll(ids.Select(id => WaitAsync(client, id, budget.Token)));
        double seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        int completed = done.Count(d => d is not null);
        int errors = done.Count(d => d is null || d.RuntimeStatus != OrchestrationRuntimeStatus.Completed
            || d.ReadOutputAs<List<string>>() is not { Count: 5 } greetings || greetings[0] != "Hello Tokyo!");
        return new()
        {
            ["n"] = n,
            ["completed_within_budget"] = completed,
            ["seconds"] = Math.Round(seconds, 3),
            ["workflows_per_s"] = Math.Round(completed / seconds, 1),
            ["steps_per_s"] = Math.Round(5 * completed / seconds, 1),
            ["allocated_kb_per_orchestration"] = Math.Round(allocated / 1024.0 / n, 2),
            ["allocated_bytes_per_step"] = Math.Round(allocated / (5.0 * n)),
            ["errors"] = errors,
        };
    }

    private static async Task<OrchestrationMetadata?> WaitAsync(DurableTaskClient client, string id, CancellationToken budget)
    {
        try
        {
            return await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, budget);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public static async Task<Dictionary<string, object>> FanOutAsync(DurableTaskClient client, int n, string prefix)
    {
        using var budget = new CancellationTokenSource(Budget);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long t0 = Stopwatch.GetTimestamp();
        string id = await client.ScheduleNewOrchestrationInstanceAsync(FanOut, n, new StartOrchestrationOptions($"{prefix}-fanout"));
        OrchestrationMetadata? done = await WaitAsync(client, id, budget.Token);
        double seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        int errors = done is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } && done.ReadOutputAs<int>() == n ? 0 : 1;
        return new()
        {
            ["n"] = n,
            ["seconds"] = Math.Round(seconds, 3),
            ["steps_per_s"] = Math.Round(n / seconds, 1),
            ["allocated_kb_per_orchestration"] = Math.Round(allocated / 1024.0, 1),
            ["allocated_bytes_per_step"] = Math.Round(allocated / (double)n),
            ["errors"] = errors,
        };
    }

    public static async Task<Dictionary<string, object>> TimersAsync(DurableTaskClient client, int n, int delayMs, string prefix)
    {
        Lateness.Clear();
        using var budget = new CancellationTokenSource(Budget + TimeSpan.FromMilliseconds(delayMs));
        TimeSpan pausedBefore = GC.GetTotalPauseDuration();
        int gen2Before = GC.CollectionCount(2);
        long allocatedBefore = GC.GetTotalAllocatedBytes();
        long t0 = Stopwatch.GetTimestamp();
        string[] ids = await Task.WhenAll(Enumerable.Range(0, n).Select(i =>
            client.ScheduleNewOrchestrationInstanceAsync(Sleeper, null, new StartOrchestrationOptions($"{prefix}-timer-{i}"))));
        OrchestrationMetadata?[] done = await Task.WhenAll(ids.Select(id => WaitAsync(client, id, budget.Token)));
        double seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        double[] lateness = [.. ids
            .Select(id => Lateness.TryGetValue(id, out var s) && s.Woke != 0 ? (s.Woke - s.Scheduled) * 1000.0 / Stopwatch.Frequency : double.NaN)
            .Where(l => !double.IsNaN(l))];
        int errors = done.Count(d => d?.RuntimeStatus != OrchestrationRuntimeStatus.Completed) + (n - lateness.Length);
        return new()
        {
            ["n"] = n,
            ["delay_ms"] = delayMs,
            ["seconds"] = Math.Round(seconds, 3),
            ["lateness"] = Percentiles.Summary(lateness),
            ["gc_pause_ms"] = Math.Round((GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds, 1),
            ["gen2_collections"] = GC.CollectionCount(2) - gen2Before,
            ["allocated_kb_per_orchestration"] = Math.Round((GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / n, 1),
            ["late_over_50ms_at_s"] = ids
                .Where(id => Lateness.TryGetValue(id, out var s) && s.Woke != 0 && (s.Woke - s.Scheduled) * 1000.0 / Stopwatch.Frequency > 50)
                .Select(id => Math.Round((Lateness[id].Scheduled - t0) / (double)Stopwatch.Frequency, 2)).Order().Take(20).ToArray(),
            ["errors"] = errors,
        };
    }

    public static async Task<Dictionary<string, object>> RoundTripAsync(DurableTaskClient client, int n, string prefix)
    {
        var latencies = new List<double>(n);
        int errors = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < n; i++)
        {
            if (clock.Elapsed > Budget)
            {
                errors += n - i; // rounds not run within the budget
                break;
            }

            string id = await client.ScheduleNewOrchestrationInstanceAsync(RoundTrip, null, new StartOrchestrationOptions($"{prefix}-rt-{i}"));
            while ((await client.GetInstanceAsync(id, getInputsAndOutputs: true))?.SerializedCustomStatus != "\"ready\"" && clock.Elapsed <= Budget)
            {
                await Task.Delay(1);
            }

            long t0 = Stopwatch.GetTimestamp();
            string payload = $"ping-{i}";
            await client.RaiseEventAsync(id, "ping", payload);
            using var budget = new CancellationTokenSource(Budget);
            OrchestrationMetadata? done = await WaitAsync(client, id, budget.Token);
            latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            if (done?.ReadOutputAs<string>() != payload)
            {
                errors++;
            }
        }

        Dictionary<string, object> summary = Percentiles.Summary([.. latencies]);
        summary["errors"] = errors;
        return summary;
    }

    public static async Task<Dictionary<string, object>> IdleMemoryAsync(DurableTaskClient client, int n, string prefix, Func<Task> settle)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long workingSetBefore = Environment.WorkingSet;
        var clock = Stopwatch.StartNew();
        int started = 0;
        int waiting = 0;

        // Paced: 500 at a time, each group waiting on its event (Running, its first episode done) before the next
        // starts, so Azurite's backlog stays short (10,000 started at once saturated it for minutes). Checked by point
        // reads in start order; a filtered index query would cost Azurite a scan of thousands of rows per check.
        while (waiting < n && clock.Elapsed < Budget * 2)
        {
            int group = Math.Min(500, n - started);
            await Task.WhenAll(Enumerable.Range(started, group).Select(j =>
                client.ScheduleNewOrchestrationInstanceAsync(Idle, null, new StartOrchestrationOptions($"{prefix}-idle-{j}"))));
            started += group;
            while (waiting < started && clock.Elapsed < Budget * 2)
            {
                OrchestrationMetadata? state = await client.GetInstanceAsync($"{prefix}-idle-{waiting}");
                if (state?.RuntimeStatus == OrchestrationRuntimeStatus.Running)
                {
                    waiting++;
                }
                else
                {
                    await Task.Delay(50);
                }
            }
        }

        bool allWaiting = waiting == n;
        double secondsUntilWaiting = clock.Elapsed.TotalSeconds;

        await settle();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        long after = GC.GetTotalMemory(forceFullCollection: true);
        return new()
        {
            ["n"] = n,
            ["started_within_budget"] = started,
            ["waiting"] = waiting,
            ["all_waiting"] = allWaiting,
            ["seconds_until_all_waiting"] = Math.Round(secondsUntilWaiting, 1),
            ["managed_heap_growth_mb"] = Math.Round((after - before) / 1048576.0, 1),
            ["working_set_mb"] = Math.Round(Environment.WorkingSet / 1048576.0, 1),
            ["working_set_growth_mb"] = Math.Round((Environment.WorkingSet - workingSetBefore) / 1048576.0, 1),
        };
    }
}
