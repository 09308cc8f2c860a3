using Dealix.Orchestrations.SelfImprovement.Contracts;

namespace Dealix.Orchestrations.SelfImprovement.Rules;

/// <summary>The conditional budget change every campaign store applies under its own concurrency check.</summary>
public static class CampaignBudget
{
    /// <summary>
    /// The campaign after moving its budget from <paramref name="expectedFrom"/> to <paramref name="to"/>; null when it
    /// is already done (a retried call); <paramref name="current"/> itself when the change is refused: the budget moved
    /// meanwhile, or (an automatic change, <paramref name="autoPeriod"/> given) the loop already changed it automatically
    /// in that period.
    /// </summary>
    public static Campaign? Change(Campaign current, decimal expectedFrom, decimal to, DateTime at, string? autoPeriod)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Budget == to)
        {
            return null;
        }

        if (autoPeriod is not null && string.Equals(current.AutoChangedPeriod, autoPeriod, StringComparison.Ordinal))
        {
            return current;
        }

        return current.Budget == expectedFrom
            ? current with { Budget = to, UpdatedAt = at, AutoChangedPeriod = autoPeriod ?? current.AutoChangedPeriod }
            : current;
    }
}
