using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Sla.Rules;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>Builds the <see cref="DailyDigest"/> from a tenant's facts over a window, as of <c>now</c>. Pure.</summary>
public static class DailyDigestBuilder
{
    /// <summary>Builds the digest.</summary>
    public static DailyDigest Build(ReportFacts facts, ReportWindow window, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(window);
        IReadOnlyList<DraftFact> drafts = facts.Drafts;
        var counts = new DraftCounts(
            drafts.Count(d => window.In(d.CreatedAt)),
            drafts.Count(d => window.In(d.DecidedAt) && ReportCounts.IsApproved(d.Status)),
            drafts.Count(d => window.In(d.DecidedAt) && d.Status == DraftStatus.Rejected),
            drafts.Count(d => d.Status == DraftStatus.Expired && window.In(d.DecidedAt ?? d.ExpiresAt)),
            drafts.Count(d => d.Status == DraftStatus.BlockedByGate && window.In(d.CreatedAt)));

        var sent = ReportCounts.By(ReportCounts.Lines(facts, window, "send").Where(e => e.Outcome == "sent").Select(e => e.Channel ?? "unknown"));
        var replies = ReportCounts.By(ReportCounts.Lines(facts, window, "classify").Select(e => e.Outcome ?? "unknown"));
        var stages = ReportCounts.By(ReportCounts.Lines(facts, window, "stage_transition").Where(e => e.Outcome == "applied").Select(e => $"{e.From}→{e.To}"));

        var openedOrOpen = facts.Tickets.Where(t => window.In(t.OpenedAt) || (t.Status == "open" && t.OpenedAt < window.End)).Select(t => t.TicketId).ToHashSet(StringComparer.Ordinal);
        string[] breached = [.. facts.SlaLog
            .Where(events => events.Count > 0 && openedOrOpen.Contains(events[0].TicketId))
            .Select(events => SlaBreachClassifier.Classify(events, now))
            .Where(b => b is { IsBreached: true })
            .Select(b => b!.TicketId)
            .Order(StringComparer.Ordinal)];

        DraftFact[] pending = [.. drafts.Where(d => d.Status == DraftStatus.PendingApproval)];
        return new DailyDigest(counts, sent, replies, stages,
            ReportCounts.ByPriority(facts.Tickets.Where(t => window.In(t.OpenedAt)).Select(t => t.Priority)),
            ReportCounts.ByPriority(facts.Tickets.Where(t => window.In(t.ResolvedAt)).Select(t => t.Priority)),
            breached,
            facts.Incidents.Count(i => window.In(i.DetectedAt)),
            pending.Length,
            pending.Count(d => d.ExpiresAt is { } due && due <= now));
    }

    /// <summary>The alert lines and severity: warning with overdue approvals or breached tickets, else info.</summary>
    public static (string Severity, IReadOnlyList<string> Summary) Summarise(DailyDigest digest, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(window);
        int sent = digest.SentByChannel.Values.Sum();
        int opened = digest.TicketsOpened.Values.Sum();
        int resolved = digest.TicketsResolved.Values.Sum();
        string severity = digest.OverdueApprovals > 0 || digest.BreachedTickets.Count > 0 ? "warning" : "info";
        return (severity,
        [
            $"Window: {window.Label}",
            $"Drafts: {digest.Drafts.Created} created, {digest.Drafts.Approved} approved, {digest.Drafts.Rejected} rejected, {digest.Drafts.Expired} expired | المسودات: {digest.Drafts.Created} جديدة، {digest.Drafts.Approved} معتمدة",
            $"Sent: {sent} | المرسل: {sent}; replies: {digest.RepliesByCategory.Values.Sum()}; stage moves: {digest.StageMovements.Values.Sum()}",
            $"Tickets: {opened} opened, {resolved} resolved, {digest.BreachedTickets.Count} breached | التذاكر: {opened} جديدة، {resolved} محلولة، {digest.BreachedTickets.Count} متجاوزة",
            $"Approval queue: {digest.PendingApprovals} pending, {digest.OverdueApprovals} overdue | قائمة الاعتماد: {digest.PendingApprovals} معلقة، {digest.OverdueApprovals} متأخرة",
        ]);
    }
}
