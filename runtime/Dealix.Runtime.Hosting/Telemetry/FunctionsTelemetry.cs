using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dealix.Runtime.Hosting.Discovery;

namespace Dealix.Runtime.Hosting.Telemetry;

/// <summary>The host's trace source and meter (exported by OpenTelemetry when configured).</summary>
public static class FunctionsTelemetry
{
    /// <summary>Name of the activity source and meter.</summary>
    public const string SourceName = "Dealix.Functions.Host";

    /// <summary>Spans for function invocations and management API calls.</summary>
    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>The host's meter.</summary>
    public static Meter Meter { get; } = new(SourceName);

    /// <summary>Function invocations by name and outcome.</summary>
    public static Counter<long> Invocations { get; } = Meter.CreateCounter<long>("dealix.functions.invocations", description: "Function invocations by name and outcome");

    /// <summary>Invocation duration.</summary>
    public static Histogram<double> Duration { get; } = Meter.CreateHistogram<double>("dealix.functions.duration", unit: "ms", description: "Function invocation duration");

    /// <summary>Timer lateness: how long after its scheduled time an occurrence ran.</summary>
    public static Histogram<double> TimerLateness { get; } = Meter.CreateHistogram<double>("dealix.functions.timer.lateness", unit: "ms", description: "Delay between a timer occurrence and its invocation");

    /// <summary>Queue messages moved to a poison queue.</summary>
    public static Counter<long> PoisonMessages { get; } = Meter.CreateCounter<long>("dealix.functions.queue.poison", description: "Queue messages moved to the poison queue");

    /// <summary>The OpenTelemetry FaaS trigger name of a function kind.</summary>
    public static string TriggerOf(FunctionKind kind) => kind switch
    {
        FunctionKind.Http => "http",
        FunctionKind.Timer => "timer",
        FunctionKind.Queue => "pubsub",
        _ => "other",
    };
}
