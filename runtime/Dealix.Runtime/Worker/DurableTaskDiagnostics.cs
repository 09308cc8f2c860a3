using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dealix.Runtime.Worker;

/// <summary>
/// The engine's OpenTelemetry surface: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <see cref="Name"/>. Hosts subscribe with <c>AddSource(DurableTaskDiagnostics.Name)</c> and
/// <c>AddMeter(DurableTaskDiagnostics.Name)</c>. The trace context of whoever started an orchestration (a webhook's
/// request, say) is stored with the instance and continued by every episode and activity, so one trace runs from
/// the webhook through the orchestration to the provider call an activity makes.
/// </summary>
public static class DurableTaskDiagnostics
{
    /// <summary>The source and meter name.</summary>
    public const string Name = "Dealix.DurableTask";

    internal static readonly ActivitySource Source = new(Name, "1.0.0");

    internal static readonly Meter Meter = new(Name, "1.0.0");

    internal static readonly Counter<long> Episodes = Meter.CreateCounter<long>(
        "dealix.durabletask.episodes", description: "Orchestration episodes committed, by resulting status.");

    internal static readonly Counter<long> Activities = Meter.CreateCounter<long>(
        "dealix.durabletask.activities", description: "Activity executions, by outcome.");

    internal static readonly Histogram<double> EpisodeDuration = Meter.CreateHistogram<double>(
        "dealix.durabletask.episode.duration", unit: "ms", description: "Replay, execution and commit of one episode.");

    internal static readonly Histogram<double> TimerLateness = Meter.CreateHistogram<double>(
        "dealix.durabletask.timer.lateness", unit: "ms", description: "How long after its due time a durable timer reached its orchestration.");

    /// <summary>
    /// Starts a span continuing a stored W3C trace parent (or a new trace when there is none), linked to the trace
    /// contexts of the messages that woke it (events raised by clients or other orchestrations).
    /// </summary>
    internal static Activity? StartSpan(string name, string? traceParent, ActivityKind kind = ActivityKind.Internal, IEnumerable<string?>? linked = null)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        List<ActivityLink>? links = null;
        foreach (string? other in linked ?? [])
        {
            if (other is not null && other != traceParent && ActivityContext.TryParse(other, null, out ActivityContext context))
            {
                (links ??= []).Add(new ActivityLink(context));
            }
        }

        return traceParent is not null && ActivityContext.TryParse(traceParent, null, out ActivityContext parent)
            ? Source.StartActivity(name, kind, parent, links: links)
            : Source.StartActivity(name, kind, default(ActivityContext), links: links);
    }
}
