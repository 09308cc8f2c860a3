using Dealix.Orchestrations.CustomerSuccess.Contracts;

namespace Dealix.Orchestrations.CustomerSuccess.Rules;

/// <summary>
/// The at-risk alert of DOMAIN.md §14.3: <c>round(40·min(inactive,14)/14 + 30·min(pending,20)/20 +
/// 30·min(proofAge,30)/30)</c>, clamped to 0..100; high ≥ 70, medium 40–69, low below. The operations-loop rule
/// adds: 7 or more inactive days is at least medium and always creates a high-priority personal outreach task.
/// Negative inputs count as zero. Pure.
/// </summary>
public static class AtRiskScore
{
    /// <summary>Inactive days from which a personal outreach task is always created.</summary>
    public const int LowUsageDays = 7;

    /// <summary>The score alone.</summary>
    public static int Score(int daysInactive, int draftsPending, int lastProofPackDaysAgo)
    {
        double raw = (40.0 * Math.Clamp(daysInactive, 0, 14) / 14)
            + (30.0 * Math.Clamp(draftsPending, 0, 20) / 20)
            + (30.0 * Math.Clamp(lastProofPackDaysAgo, 0, 30) / 30);
        return Math.Clamp((int)Math.Round(raw, MidpointRounding.AwayFromZero), 0, 100);
    }

    /// <summary>The full alert with severity and tasks.</summary>
    public static AtRiskAlert Evaluate(int daysInactive, int draftsPending, int lastProofPackDaysAgo)
    {
        int score = Score(daysInactive, draftsPending, lastProofPackDaysAgo);
        RiskSeverity severity = score >= 70 ? RiskSeverity.High : score >= 40 ? RiskSeverity.Medium : RiskSeverity.Low;
        bool lowUsage = daysInactive >= LowUsageDays;
        if (lowUsage && severity == RiskSeverity.Low)
        {
            severity = RiskSeverity.Medium;
        }

        var tasks = new List<CsTask>();
        if (severity == RiskSeverity.High || lowUsage)
        {
            tasks.Add(new CsTask("personal_outreach", "high", severity == RiskSeverity.High ? 1 : 3, severity == RiskSeverity.High));
        }
        else if (severity == RiskSeverity.Medium)
        {
            tasks.Add(new CsTask("cs_follow_up", "medium", 3, false));
        }

        return new AtRiskAlert(score, severity, tasks);
    }
}
