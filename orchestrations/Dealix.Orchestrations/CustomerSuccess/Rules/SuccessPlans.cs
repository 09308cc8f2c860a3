using Dealix.Orchestrations.Common.Text;
using Dealix.Orchestrations.CustomerSuccess.Contracts;

namespace Dealix.Orchestrations.CustomerSuccess.Rules;

/// <summary>
/// The per-bundle 30-day plans of DOMAIN.md §14.6 (<c>CustomerSuccess/Data/success-plans.json</c>) and the cadence
/// calendar of §14.1: day 0 is activation; a cadence day that falls on Friday or Saturday moves to the next
/// Sunday; QBR on day 90; renewal cadences 30 and 7 days before the renewal date. Dates are AST calendar days. Pure.
/// </summary>
public static class SuccessPlans
{
    /// <summary>The QBR day counted from activation.</summary>
    public const int QbrDay = 90;

    private static readonly Dictionary<string, List<PlanRow>> Plans =
        EmbeddedData.ReadJson<Dictionary<string, List<PlanRow>>>("CustomerSuccess.Data.success-plans.json");

    /// <summary>The five bundle ids.</summary>
    public static IReadOnlyList<string> Bundles { get; } = [.. Plans.Keys];

    /// <summary>True for a known bundle id.</summary>
    public static bool IsKnownBundle(string? bundle) => bundle is not null && Plans.ContainsKey(bundle);

    /// <summary>
    /// The bundle's plan from <paramref name="activation"/>, plus the QBR and (when a renewal date is known) the
    /// renewal cadences; empty for an unknown bundle.
    /// </summary>
    public static IReadOnlyList<CadenceEvent> Build(string bundle, DateOnly activation, DateOnly? renewal = null)
    {
        if (!Plans.TryGetValue(bundle, out List<PlanRow>? rows))
        {
            return [];
        }

        var events = new List<CadenceEvent>();
        foreach (PlanRow row in rows)
        {
            foreach (string item in row.Items)
            {
                events.Add(new CadenceEvent(row.Day, ToWorkday(activation.AddDays(row.Day)), item));
            }
        }

        events.Add(new CadenceEvent(QbrDay, ToWorkday(activation.AddDays(QbrDay)), "qbr"));
        if (renewal is { } r)
        {
            events.Add(new CadenceEvent(r.DayNumber - 30 - activation.DayNumber, ToWorkday(r.AddDays(-30)), "renewal_30_day"));
            events.Add(new CadenceEvent(r.DayNumber - 7 - activation.DayNumber, ToWorkday(r.AddDays(-7)), "renewal_7_day"));
        }

        return [.. events.OrderBy(e => e.Date).ThenBy(e => e.Item, StringComparer.Ordinal)];
    }

    /// <summary>Friday and Saturday move to the following Sunday (the Saudi work week is Sunday–Thursday).</summary>
    public static DateOnly ToWorkday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Friday => date.AddDays(2),
        DayOfWeek.Saturday => date.AddDays(1),
        _ => date,
    };

    private sealed record PlanRow(int Day, List<string> Items);
}
