using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Lifecycle;

/// <summary>
/// The follow-up timers of DOMAIN.md §8.4, counted from the start of a silence. Qualifying: follow-ups at +3 and +7
/// business days, then <c>no_response_timeout</c> at +10. Proposal sent: a follow-up at +3 business days, the timeout
/// at +10. Nurturing: a touch every 30 days, the timeout after the third period (~90 days). Payment requested: an
/// operator reminder at +3 business days and an operator decision task at +14 days. Every follow-up is a draft that
/// needs approval; other stages have no timers.
/// </summary>
public static class FollowUpSchedule
{
    /// <summary>The step that follows <paramref name="sent"/> steps in a silence that began at <paramref name="since"/>,
    /// or null when the stage has no (more) timers.</summary>
    public static FollowUpPlan? Next(DealStage stage, DateTime since, int sent)
    {
        (DateTime At, string Trigger)? step = (stage, sent) switch
        {
            (DealStage.Qualifying, 0) => (BusinessCalendar.AddBusinessDays(since, 3), DealTriggers.FollowUpDue),
            (DealStage.Qualifying, 1) => (BusinessCalendar.AddBusinessDays(since, 7), DealTriggers.FollowUpDue),
            (DealStage.Qualifying, 2) => (BusinessCalendar.AddBusinessDays(since, 10), DealTriggers.NoResponseTimeout),
            (DealStage.ProposalSent, 0) => (BusinessCalendar.AddBusinessDays(since, 3), DealTriggers.FollowUpDue),
            (DealStage.ProposalSent, 1) => (BusinessCalendar.AddBusinessDays(since, 10), DealTriggers.NoResponseTimeout),
            (DealStage.Nurturing, 0) => (since.AddDays(30), DealTriggers.FollowUpDue),
            (DealStage.Nurturing, 1) => (since.AddDays(60), DealTriggers.FollowUpDue),
            (DealStage.Nurturing, 2) => (since.AddDays(90), DealTriggers.NoResponseTimeout),
            (DealStage.PaymentRequested, 0) => (BusinessCalendar.AddBusinessDays(since, 3), DealTriggers.OperatorTask),
            (DealStage.PaymentRequested, 1) => (since.AddDays(14), DealTriggers.OperatorTask),
            _ => null,
        };

        return step is { } s ? new FollowUpPlan(s.At, s.Trigger, sent, since) : null;
    }

    /// <summary>Pushes a pending step back by 3 business days (an out-of-office reply, §8.3).</summary>
    public static FollowUpPlan? Postpone(FollowUpPlan? plan) =>
        plan is null ? null : plan with { DueAt = BusinessCalendar.AddBusinessDays(plan.DueAt, 3) };
}
