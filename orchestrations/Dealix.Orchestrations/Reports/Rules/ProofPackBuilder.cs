using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Reports.Contracts;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>
/// Builds the <see cref="ProofPack"/> (§16.1) from a tenant's facts over the period, as of <c>now</c>: counts from the
/// drafts and the ledger of the period (the same definitions as the daily digest), the approval record from the
/// <c>draft_decided</c> lines, and a next-period plan from what is waiting now. Pure.
/// </summary>
public static class ProofPackBuilder
{
    /// <summary>The longest WhatsApp summary (§16.1, project choice).</summary>
    public const int MaxWhatsAppSummary = 700;

    private static readonly NotMeasured[] Missing = [new("pipeline_value_sar", "deal values are not stored")];

    /// <summary>Builds the pack.</summary>
    public static ProofPack Build(ReportFacts facts, ReportWindow window, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(window);
        DailyDigest period = DailyDigestBuilder.Build(facts, window, now);
        var deals = LedgerDeals.AsOf(facts.Ledger, window.End);
        AuditEntry[] moves = [.. LedgerDeals.Moves(facts, window)];
        (int approved, int edited, int rejected, IReadOnlyList<string> reasons) = LedgerDeals.Decisions(facts, window);
        int compliance = ReportCounts.Lines(facts, window, "draft_blocked").Count() + period.Drafts.BlockedByGate;
        int autoApproved = ReportCounts.Lines(facts, window, "send").Count(e => e.AutoApproved && e.Outcome == "sent");
        var record = new ApprovalRecord(approved + rejected, approved, edited, rejected, autoApproved, ReportCounts.By(reasons), period.PendingApprovals);

        DateTime nextEnd = window.End.AddDays(7);
        ReportItem[] plan = [.. new (string Code, int Count, string Text, string TextAr, string Source)[]
            {
                ("approvals_to_decide", period.PendingApprovals, "drafts waiting for your approval", "مسودات بانتظار اعتمادكم", "drafts"),
                ("meetings_to_hold", deals.Count(d => d.Stage == "meeting_booked"), "booked meetings to hold", "اجتماعات محجوزة", "ledger"),
                ("follow_ups_due", facts.FollowUps.Count(f => f.DueAt.UtcDateTime < nextEnd), "follow-ups due", "متابعات مستحقة", "tasks"),
                ("proposals_open", deals.Count(d => d.Stage is "proposal_sent" or "negotiating" or "payment_requested"), "deals in proposal or negotiation", "صفقات في مرحلة العرض أو التفاوض", "ledger"),
            }
            .Where(c => c.Count > 0)
            .Select(c => new ReportItem(c.Code, c.Count, $"{c.Count} {c.Text}", $"{c.Count} {c.TextAr}", c.Source))];

        int opportunities = facts.Drafts.Count(d => d.Kind == DraftKind.FirstTouch && window.In(d.CreatedAt));
        int meetings = moves.Count(e => e.To == "meeting_booked");
        int sent = period.SentByChannel.Values.Sum();
        int replies = period.RepliesByCategory.Values.Sum();
        string summary = Clip(
            $"حزمة الإثبات ({window.Label}): {opportunities} فرصة، {period.Drafts.Created} مسودة ({approved} معتمدة، {edited} معدّلة، {rejected} مرفوضة)، "
            + $"{sent} رسالة مرسلة، {replies} رد، {meetings} اجتماع محجوز، {moves.Length} تحرك في المراحل، {compliance} حالة أوقفها الامتثال. "
            + $"قيمة خط المبيعات: غير مقاسة. الخطوة القادمة: {string.Join("، ", plan.Select(p => p.TextAr))}.");
        return new ProofPack(opportunities, deals.Count(d => window.In(d.FirstSeen)), period.Drafts, edited, period.SentByChannel, period.RepliesByCategory,
            meetings, ReportCounts.By(moves.Select(e => $"{e.From}→{e.To}")), NotMeasured.Text, compliance, record, plan, summary, Missing);
    }

    /// <summary>The alert lines and severity: info (a pack to review and approve before it goes to the customer).</summary>
    public static (string Severity, IReadOnlyList<string> Summary) Summarise(ProofPack pack, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(window);
        return ("info",
        [
            $"Period: {window.Label} — review, then approve before it goes to the customer | راجع الحزمة واعتمدها قبل إرسالها للعميل",
            $"Opportunities: {pack.OpportunitiesProduced}; drafts: {pack.Drafts.Created} ({pack.ApprovalRecord.Approved} approved, {pack.Edited} edited, {pack.ApprovalRecord.Rejected} rejected)",
            $"Sent: {pack.SentByChannel.Values.Sum()}; replies: {pack.RepliesByCategory.Values.Sum()}; meetings booked: {pack.MeetingsBooked}; compliance blocks: {pack.ComplianceBlocks}",
        ]);
    }

    private static string Clip(string text) => text.Length <= MaxWhatsAppSummary ? text : text[..(MaxWhatsAppSummary - 1)] + "…";
}
