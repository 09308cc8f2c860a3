using Dealix.Orchestrations.Outreach.Contracts;

namespace Dealix.Orchestrations.Outreach.Rules;

/// <summary>
/// Smart alerts, not spam (DOMAIN.md §17.6): alert only for a change over 20 % against the baseline, a financial
/// event over 1,000 SAR, a critical security finding or an affected Enterprise customer; never for noise, "nice to
/// know" items or a problem that resolves itself within 5 minutes (a candidate is held for 5 minutes first). The
/// baseline is the trailing 28-day median for the same weekday and hour. Pure: the instant is a parameter.
/// </summary>
public static class SmartAlertPolicy
{
    /// <summary>The relative change against the baseline that alerts (strictly more than this).</summary>
    public const double ChangeThreshold = 0.20;

    /// <summary>The financial amount that alerts (strictly more than this), in SAR.</summary>
    public const decimal FinancialThresholdSar = 1_000m;

    /// <summary>How long a candidate is held in case it resolves itself.</summary>
    public static TimeSpan TransientWindow { get; } = TimeSpan.FromMinutes(5);

    /// <summary>How far back the baseline looks.</summary>
    public static TimeSpan BaselineWindow { get; } = TimeSpan.FromDays(28);

    /// <summary>Decides what to do with <paramref name="candidate"/> at <paramref name="nowUtc"/>.</summary>
    public static AlertDecision Evaluate(AlertCandidate candidate, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.NiceToKnow)
        {
            return new AlertDecision(AlertDecisionKind.Drop, ["nice_to_know"]);
        }

        List<string> triggers = Triggers(candidate);
        if (triggers.Count == 0)
        {
            return new AlertDecision(AlertDecisionKind.Drop, ["noise"]);
        }

        DateTime windowEnds = candidate.FirstSeenAt + TransientWindow;
        if (candidate.ResolvedAt is { } resolved && resolved < windowEnds)
        {
            return new AlertDecision(AlertDecisionKind.Drop, ["resolved_within_5_minutes"]);
        }

        if (candidate.ResolvedAt is null && nowUtc < windowEnds)
        {
            return new AlertDecision(AlertDecisionKind.Hold, ["transient_window"], windowEnds);
        }

        return new AlertDecision(AlertDecisionKind.Alert, triggers);
    }

    /// <summary>
    /// The baseline for <paramref name="at"/>: the median of the samples in the 28 days before it that fall on the
    /// same weekday and hour (UTC), or null when there are none.
    /// </summary>
    public static double? Baseline(IEnumerable<(DateTime At, double Value)> samples, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(samples);
        DateTime from = at - BaselineWindow;
        double[] same = [.. samples
            .Where(s => s.At >= from && s.At < at && s.At.DayOfWeek == at.DayOfWeek && s.At.Hour == at.Hour && double.IsFinite(s.Value))
            .Select(s => s.Value)
            .Order()];
        if (same.Length == 0)
        {
            return null;
        }

        int middle = same.Length / 2;
        return same.Length % 2 == 1 ? same[middle] : (same[middle - 1] + same[middle]) / 2;
    }

    private static List<string> Triggers(AlertCandidate candidate)
    {
        var triggers = new List<string>();
        if (candidate is { Value: { } value, Baseline: { } baseline } && double.IsFinite(value) && double.IsFinite(baseline))
        {
            bool changed = baseline == 0 ? value != 0 : Math.Abs(value - baseline) / Math.Abs(baseline) > ChangeThreshold;
            if (changed)
            {
                triggers.Add("change_over_20_percent");
            }
        }

        if (candidate.AmountSar is { } amount && Math.Abs(amount) > FinancialThresholdSar)
        {
            triggers.Add("financial_over_1000_sar");
        }

        if (candidate.Security == SecuritySeverity.Critical)
        {
            triggers.Add("critical_security_finding");
        }

        if (candidate.AffectsEnterpriseCustomer)
        {
            triggers.Add("enterprise_customer_affected");
        }

        return triggers;
    }
}
