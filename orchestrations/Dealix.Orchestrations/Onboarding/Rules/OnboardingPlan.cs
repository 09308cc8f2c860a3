using Dealix.Orchestrations.Deals.Lifecycle;

namespace Dealix.Orchestrations.Onboarding.Rules;

/// <summary>
/// The timing of the 5-business-day plan (DOMAIN.md §5.2, §5.5, §4.4), Sunday–Thursday in Arabia Standard Time:
/// Day 1 is the business day onboarding starts on (the next one when it starts on a weekend) and a plan day ends at
/// midnight AST; a step waiting on the customer reminds the operator after 1 business day and escalates to the team
/// lead after 2; an approval is due after 1 business day with its warning at 75 % and never expires. Pure, UTC in/out.
/// </summary>
public static class OnboardingPlan
{
    private static readonly TimeSpan AstOffset = TimeSpan.FromHours(3);

    /// <summary>When plan day <paramref name="day"/> (1–5) ends for an onboarding started at <paramref name="startedAt"/>.</summary>
    public static DateTime DayEnd(DateTime startedAt, int day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        DateTime local = DateTime.SpecifyKind(startedAt, DateTimeKind.Utc) + AstOffset;
        DateTime date = local.Date;
        while (!BusinessCalendar.IsBusinessDay(date))
        {
            date = date.AddDays(1);
        }

        for (int added = 1; added < day;)
        {
            date = date.AddDays(1);
            if (BusinessCalendar.IsBusinessDay(date))
            {
                added++;
            }
        }

        return DateTime.SpecifyKind(date.AddDays(1) - AstOffset, DateTimeKind.Utc);
    }

    /// <summary>The end of business day 5: no Proof Pack v1 by then flags the onboarding at risk (§5.5).</summary>
    public static DateTime Deadline(DateTime startedAt) => DayEnd(startedAt, 5);

    /// <summary>Reminder to the operator after 1 business day, escalation to the team lead after 2 (§5.5).</summary>
    public static (DateTime Reminder, DateTime Escalation) CustomerWait(DateTime since) =>
        (BusinessCalendar.AddBusinessDays(since, 1), BusinessCalendar.AddBusinessDays(since, 2));

    /// <summary>The onboarding row of §4.4: due after 1 business day, <c>warning</c> at 75 %, no expiry.</summary>
    public static (DateTime Warning, DateTime Due) Approval(DateTime requestedAt)
    {
        DateTime due = BusinessCalendar.AddBusinessDays(requestedAt, 1);
        return (requestedAt + ((due - requestedAt) * 0.75), due);
    }
}
