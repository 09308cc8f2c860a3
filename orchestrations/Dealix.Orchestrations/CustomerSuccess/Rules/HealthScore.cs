using Dealix.Orchestrations.CustomerSuccess.Contracts;

namespace Dealix.Orchestrations.CustomerSuccess.Rules;

/// <summary>
/// The customer health score of DOMAIN.md §14.5 (the weighted score with red flags of §19.3): usage 35 %, approval
/// turnaround, draft backlog and proof recency 15 % each, connector health and support load 10 % each; every component
/// 0–100, interpolated linearly between its two ends; green ≥ 70, amber 40–69, red below. Support load: an open P0 or
/// 3+ breaches is 0, nothing is 100, and one open P1 or one breach is 50 (two such: 25). Pure.
/// </summary>
public static class HealthScore
{
    /// <summary>Scores <paramref name="inputs"/>.</summary>
    public static HealthScoreResult Evaluate(HealthInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        int usage = Linear(inputs.ActiveDaysLast7, zeroAt: 0, fullAt: 5);
        int approval = Linear(inputs.MedianApprovalHours, zeroAt: 48, fullAt: 4);
        int backlog = Linear(inputs.DraftsPending, zeroAt: 25, fullAt: 5);
        int proof = Linear(inputs.LastProofPackDaysAgo, zeroAt: 35, fullAt: 7);
        int connectors = inputs.ConnectorsChosen <= 0 ? 100 : Linear(inputs.ConnectorsConnected, zeroAt: 0, fullAt: inputs.ConnectorsChosen);
        int support = SupportLoad(inputs);
        double weighted = (0.35 * usage) + (0.15 * approval) + (0.15 * backlog) + (0.15 * proof) + (0.10 * connectors) + (0.10 * support);
        int score = Math.Clamp((int)Math.Round(weighted, MidpointRounding.AwayFromZero), 0, 100);

        var flags = new List<string>();
        if (inputs.DaysInactive >= AtRiskScore.LowUsageDays)
        {
            flags.Add("days_inactive_7_plus");
        }

        if (inputs.DraftsPending > 20)
        {
            flags.Add("drafts_pending_over_20");
        }

        if (inputs.LastProofPackDaysAgo > 30)
        {
            flags.Add("proof_pack_over_30_days");
        }

        if (inputs.MedianApprovalHours > 48)
        {
            flags.Add("approval_turnaround_over_48h");
        }

        if (inputs.BlockingConnectorFailed)
        {
            flags.Add("blocking_connector_failed");
        }

        if (inputs.OpenP0Tickets > 0 || inputs.OpenSev1Or2Incident)
        {
            flags.Add("open_p0_or_sev1_sev2");
        }

        var components = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["usage"] = usage,
            ["approval_turnaround"] = approval,
            ["draft_backlog"] = backlog,
            ["proof_recency"] = proof,
            ["connector_health"] = connectors,
            ["support_load"] = support,
        };
        return new HealthScoreResult(score, Band(score), components, flags);
    }

    /// <summary><c>green</c> ≥ 70, <c>amber</c> 40–69, <c>red</c> below 40.</summary>
    public static string Band(int score) => score >= 70 ? "green" : score >= 40 ? "amber" : "red";

    private static int SupportLoad(HealthInputs inputs)
    {
        int strikes = Math.Max(0, inputs.OpenP1Tickets) + Math.Max(0, inputs.SlaBreachesLast30Days);
        return inputs.OpenP0Tickets > 0 || inputs.SlaBreachesLast30Days >= 3 ? 0 : strikes switch
        {
            0 => 100,
            1 => 50,
            2 => 25,
            _ => 0,
        };
    }

    private static int Linear(double value, double zeroAt, double fullAt)
    {
        double share = (value - zeroAt) / (fullAt - zeroAt);
        return (int)Math.Round(100 * Math.Clamp(share, 0, 1), MidpointRounding.AwayFromZero);
    }
}
