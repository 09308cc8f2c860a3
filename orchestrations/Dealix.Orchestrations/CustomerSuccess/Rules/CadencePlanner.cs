using Dealix.Orchestrations.CustomerSuccess.Contracts;

namespace Dealix.Orchestrations.CustomerSuccess.Rules;

/// <summary>
/// Turns the per-bundle 30-day plan (§14.6, <see cref="SuccessPlans"/>) into the touchpoints of one cadence month. The
/// plan repeats every 30 days from activation; month m holds plan days 30m+1 … 30(m+1). QBR falls on every 90th day
/// (§14.1), <c>renewal_30_day</c> and <c>renewal_7_day</c> 30 and 7 days before the renewal date and
/// <c>renewal_decision</c> on it (§14.7), each in the month of its day; a renewal point before activation is skipped,
/// one within the first month that is already past fires at once. Friday and Saturday move to Sunday; a touchpoint is
/// due at 08:30 AST on its date (the CS scheduler's time, §18). Dates are AST calendar days. Pure.
/// </summary>
public static class CadencePlanner
{
    /// <summary>Days in one cadence month (the plan's length).</summary>
    public const int MonthDays = 30;

    /// <summary>Arabia Standard Time: UTC+3, no daylight saving.</summary>
    public static readonly TimeSpan AstOffset = TimeSpan.FromHours(3);

    /// <summary>The time of day touchpoints are due (AST).</summary>
    public static readonly TimeSpan DueTime = new(8, 30, 0);

    /// <summary>The default renewal: one year of 365 days after activation (project choice).</summary>
    public const int DefaultRenewalDays = 365;

    /// <summary>The AST calendar day of an instant.</summary>
    public static DateOnly AstDate(DateTimeOffset instant) => DateOnly.FromDateTime((instant.ToUniversalTime() + AstOffset).DateTime);

    /// <summary>The renewal date the cadence works with.</summary>
    public static DateOnly RenewalOf(CustomerSuccessCadenceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.RenewalDate ?? AstDate(input.StartedAt).AddDays(DefaultRenewalDays);
    }

    /// <summary>When month <paramref name="month"/> starts (day 30·month after activation), on the cadence's clock.</summary>
    public static DateTimeOffset MonthStart(CustomerSuccessCadenceInput input, int month)
    {
        ArgumentNullException.ThrowIfNull(input);
        DateOnly activation = AstDate(input.StartedAt);
        return DueAt(input, activation, activation.AddDays(MonthDays * month));
    }

    /// <summary>The touchpoints of <paramref name="input"/>'s current month, ordered by due time then item.</summary>
    public static IReadOnlyList<CadenceTouchpoint> ForMonth(CustomerSuccessCadenceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DateOnly activation = AstDate(input.StartedAt);
        DateOnly renewal = RenewalOf(input);
        int first = (MonthDays * input.Month) + 1;
        int last = MonthDays * (input.Month + 1);
        var points = new List<(int Day, DateOnly Date, string Item)>();

        DateOnly monthActivation = activation.AddDays(MonthDays * input.Month);
        foreach (CadenceEvent e in SuccessPlans.Build(input.Bundle, monthActivation))
        {
            if (e.Item != "qbr")
            {
                points.Add((e.Day + (MonthDays * input.Month), e.Date, e.Item));
            }
        }

        for (int day = SuccessPlans.QbrDay; day <= last; day += SuccessPlans.QbrDay)
        {
            if (day >= first)
            {
                points.Add((day, SuccessPlans.ToWorkday(activation.AddDays(day)), "qbr"));
            }
        }

        foreach ((int before, string item) in new[] { (30, "renewal_30_day"), (7, "renewal_7_day"), (0, "renewal_decision") })
        {
            DateOnly nominal = renewal.AddDays(-before);
            int day = nominal.DayNumber - activation.DayNumber;
            bool inMonth = (day >= first && day <= last) || (input.Month == 0 && day is >= 0 and < 1);
            if (inMonth)
            {
                points.Add((day, SuccessPlans.ToWorkday(nominal), item));
            }
        }

        return
        [
            .. points
                .Select(p => new CadenceTouchpoint($"{p.Date:yyyyMMdd}:{p.Item}", p.Item, p.Day, p.Date, DueAt(input, activation, p.Date)))
                .OrderBy(t => t.DueAt)
                .ThenBy(t => t.Item, StringComparer.Ordinal),
        ];
    }

    private static DateTimeOffset DueAt(CustomerSuccessCadenceInput input, DateOnly activation, DateOnly date) => input.DayLength is { } dayLength
        ? input.StartedAt + (dayLength * (date.DayNumber - activation.DayNumber))
        : new DateTimeOffset(date.ToDateTime(TimeOnly.FromTimeSpan(DueTime)), AstOffset).ToUniversalTime();
}
