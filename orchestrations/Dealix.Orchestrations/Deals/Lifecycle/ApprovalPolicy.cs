using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Lifecycle;

/// <summary>
/// The approval SLA of DOMAIN.md §4.4 for deal drafts. A reply to an inbound message is due in 2 h (warning at 75 %)
/// and expires when the WhatsApp 24-hour window closes, or after 48 h for e-mail; a draft in an approval stage is due
/// in 8 h and expires after 72 h; a follow-up is due in 24 h and expires after 72 h. Warning reminds the team lead,
/// breach escalates to the founder; an expired draft is never sent.
/// </summary>
public static class ApprovalPolicy
{
    /// <summary>The plan for a draft requested at <paramref name="requestedAt"/>.</summary>
    public static ApprovalPlan PlanFor(DraftKind kind, DealStage stage, MessageChannel channel, DateTime requestedAt, DateTime? windowClosesAt)
    {
        (TimeSpan due, DateTime expires) = (kind, DealStages.IsApprovalStage(stage)) switch
        {
            (_, true) => (TimeSpan.FromHours(8), requestedAt.AddHours(72)),
            (DraftKind.Reply, false) => (TimeSpan.FromHours(2), ReplyExpiry(channel, requestedAt, windowClosesAt)),
            _ => (TimeSpan.FromHours(24), requestedAt.AddHours(72)),
        };

        var steps = new List<ApprovalStep>(2);
        DateTime warningAt = requestedAt + (due * 0.75);
        DateTime dueAt = requestedAt + due;
        if (warningAt < expires)
        {
            steps.Add(new ApprovalStep(ApprovalStepKind.Reminder, warningAt));
        }

        if (dueAt < expires)
        {
            steps.Add(new ApprovalStep(ApprovalStepKind.Escalation, dueAt));
        }

        return new ApprovalPlan(steps, expires);
    }

    private static DateTime ReplyExpiry(MessageChannel channel, DateTime requestedAt, DateTime? windowClosesAt) =>
        channel == MessageChannel.WhatsApp
            ? windowClosesAt is { } closes && closes > requestedAt ? closes : requestedAt.AddHours(24)
            : requestedAt.AddHours(48);
}
