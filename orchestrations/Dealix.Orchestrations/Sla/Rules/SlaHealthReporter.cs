using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Sla.Rules;

/// <summary>
/// Builds the SLA health report of DOMAIN.md §12.3 over a window (default the 7 days before <c>now</c>): tickets
/// opened in the window, their counts and breaches per priority and target, the median first response, the
/// breach rate (0 with no tickets) and the verdict healthy / watch / critical. Pure.
/// </summary>
public static class SlaHealthReporter
{
    /// <summary>The default reporting window.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);

    /// <summary>Builds the report; <paramref name="tickets"/> holds each ticket's ordered events.</summary>
    public static SlaHealthReport Build(IEnumerable<IReadOnlyList<SlaEvent>> tickets, DateTime now, TimeSpan? window = null)
    {
        DateTime start = now - (window ?? DefaultWindow);
        var breaches = new List<SlaBreach>();
        foreach (IReadOnlyList<SlaEvent> events in tickets)
        {
            if (SlaBreachClassifier.Classify(events, now) is { } breach && breach.OpenedAt >= start && breach.OpenedAt <= now)
            {
                breaches.Add(breach);
            }
        }

        var byPriority = Enum.GetValues<TicketPriority>().ToDictionary(p => p, p => breaches.Count(b => b.Priority == p));
        var breachedByPriority = Enum.GetValues<TicketPriority>().ToDictionary(p => p, p => breaches.Count(b => b.Priority == p && b.IsBreached));
        int breached = breaches.Count(b => b.IsBreached);
        double rate = breaches.Count == 0 ? 0 : breached / (double)breaches.Count;
        return new SlaHealthReport(start, now, breaches.Count, byPriority, breachedByPriority,
            breaches.Count(b => b.FirstResponse == SlaTargetStatus.Breached),
            breaches.Count(b => b.Resolution == SlaTargetStatus.Breached),
            Median(breaches.Where(b => b.FirstResponseTime is not null).Select(b => b.FirstResponseTime!.Value)),
            breached, rate, VerdictFor(rate, breachedByPriority[TicketPriority.P0] > 0));
    }

    /// <summary>The verdict for a breach rate and whether any P0 ticket breached.</summary>
    public static SlaVerdict VerdictFor(double breachRate, bool anyP0Breach) =>
        anyP0Breach || breachRate >= 0.15 ? SlaVerdict.Critical
        : breachRate >= 0.05 ? SlaVerdict.Watch
        : SlaVerdict.Healthy;

    private static TimeSpan? Median(IEnumerable<TimeSpan> values)
    {
        TimeSpan[] sorted = [.. values.Order()];
        if (sorted.Length == 0)
        {
            return null;
        }

        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : TimeSpan.FromTicks((sorted[mid - 1].Ticks + sorted[mid].Ticks) / 2);
    }
}
