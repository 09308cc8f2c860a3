using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dealix.Runtime.Worker;

namespace Dealix.Runtime.Tests;

/// <summary>Traces continue the starter's trace through episodes and activities; timers report their lateness.</summary>
[Collection(TelemetryTestGroup.Name)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task Spans_OfEpisodesAndActivities_ContinueTheStartersTrace()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is DurableTaskDiagnostics.Name or "Test.Webhook",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var webhook = new ActivitySource("Test.Webhook");
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<string>("Traced", context => context.CallActivityAsync<string>("Send", "x"))
            .AddActivityFunc<string, string>("Send", (_, x) => x));

        string id;
        ActivityTraceId trace;
        using (Activity request = webhook.StartActivity("POST /webhooks/whatsapp")!)
        {
            trace = request.TraceId;
            id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Traced");
        }

        await host.GetOutputAsync<string>(id);
        Activity[] ours = [.. spans.Where(s => s.Source.Name == DurableTaskDiagnostics.Name && (string?)s.GetTagItem("durabletask.instance_id") == id)];
        Assert.Contains(ours, s => s.DisplayName == "orchestration Traced");
        Assert.Contains(ours, s => s.DisplayName == "activity Send");
        Assert.All(ours, s => Assert.Equal(trace, s.TraceId));
    }

    [Fact]
    public async Task TimerLateness_IsRecordedForFiredTimers()
    {
        var lateness = new ConcurrentQueue<double>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == DurableTaskDiagnostics.Name && instrument.Name == "dealix.durabletask.timer.lateness")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>((_, value, _, _) => lateness.Enqueue(value));
        meters.Start();
        await using var host = await HostFixture.StartAsync(tasks => tasks
            .AddOrchestratorFunc<bool>("Sleeps", async context =>
            {
                await context.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
                return true;
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Sleeps");
        await host.AdvanceTimeAsync(TimeSpan.FromMinutes(5));

        Assert.True(await host.GetOutputAsync<bool>(id));
        Assert.Contains(0.0, lateness); // the virtual clock stops exactly at the due time
    }
}

/// <summary>Listeners are process-wide: telemetry tests run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryTestGroup
{
    public const string Name = "Telemetry";
}
