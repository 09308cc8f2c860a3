using System.Globalization;
using System.Text;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Rules;
using Dealix.Orchestrations.OperationsLoop.Contracts;

namespace Dealix.Orchestrations.OperationsLoop.Rules;

/// <summary>
/// The §13.4 post-mortem template for a 7-day uptime under 99.5 % (§17.4 check 3), written by the incidents'
/// <see cref="PostMortemWriter"/> for an incident <c>uptime-{day}</c> (SEV3, source <c>uptime_monitor</c>, owner the
/// engineer, detected at the run) and followed by the daily uptime figures of the window. Pure.
/// </summary>
public static class UptimePostMortem
{
    /// <summary>The draft for the tenant's day <paramref name="period"/>, written at <paramref name="nowUtc"/>.</summary>
    public static PostMortemDraft Draft(string tenant, string period, DateOnly day, IReadOnlyList<MetricPoint> metrics, string correlationId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        (decimal? pct, int days) = OperationsFigures.Uptime7d(metrics, day);
        string id = OperationsChecks.PostMortemId(period);
        string title = $"7-day uptime {OperationsChecks.Text(pct ?? 0)} % under 99.5 % ({day.AddDays(-OperationsFigures.WindowDays):yyyy-MM-dd} – {day.AddDays(-1):yyyy-MM-dd} AST)";
        var state = new IncidentState
        {
            Tenant = tenant,
            IncidentId = id,
            InstanceId = id,
            Title = title,
            Source = "uptime_monitor",
            Severity = IncidentSeverity.SEV3,
            Commander = "engineer",
            CommCadence = "none",
            CorrelationId = correlationId,
            Phase = "open",
            DetectedAt = nowUtc,
            Steps = [],
            Pdpl = new IncidentPdplState(false, nowUtc, "not_required", 0),
            Updates = [],
        };
        var request = new IncidentOpenRequest(tenant, id, "uptime_monitor", title, false, false, 0, null, false, nowUtc, correlationId, "automation");
        PostMortemDraft draft = PostMortemWriter.Draft(state, request, nowUtc);
        var md = new StringBuilder(draft.Markdown).AppendLine().AppendLine("## Uptime (daily figures, AST)");
        foreach (MetricPoint p in OperationsFigures.In(metrics, OperationsMetrics.UptimePct, day.AddDays(-OperationsFigures.WindowDays), day))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {p.Day:yyyy-MM-dd}: {OperationsChecks.Text(p.Value)} %{(p.Source is null ? string.Empty : $" ({p.Source})")}");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"- 7-day uptime: {OperationsChecks.Text(pct ?? 0)} % over {days} measured days; threshold 99.5 % (§17.4 check 3)");
        return draft with { Markdown = md.ToString() };
    }
}
