using System.Globalization;
using Dealix.Orchestrations.SelfImprovement.Contracts;

namespace Dealix.Orchestrations.SelfImprovement.Rules;

/// <summary>
/// The daily ad optimisation of DOMAIN.md §17.3, per active campaign over the last 7 days (first matching row wins):
/// CPA over 3× target pauses the failing ads (auto-allowed); over 1.5× target suggests <c>reduce_budget</c> to 80 %
/// (approval); under 0.7× target with more than 10 conversions applies <c>increase_budget</c> to 130 % (auto);
/// otherwise nothing. A campaign without a target or a CPA, or already with its ads paused for the first row, is left
/// alone. Amounts are rounded to halalas. Pure.
/// </summary>
public static class MarketingRules
{
    public const string Loop = "marketing";
    public const string PauseFailingAds = "pause_failing_ads";
    public const string ReduceBudget = "reduce_budget";
    public const string IncreaseBudget = "increase_budget";

    /// <summary>The proposals for <paramref name="campaigns"/>, in campaign-id order.</summary>
    public static IReadOnlyList<LoopProposal> Review(IEnumerable<Campaign> campaigns, string? period = null)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        var proposals = new List<LoopProposal>();
        foreach (Campaign c in campaigns.Where(c => c.Active && c.TargetCpa > 0 && c.Cpa7d > 0).OrderBy(c => c.CampaignId, StringComparer.Ordinal))
        {
            string cpa = Sar(c.Cpa7d), target = Sar(c.TargetCpa);
            if (c.Cpa7d > 3 * c.TargetCpa)
            {
                if (!c.AdsPaused)
                {
                    proposals.Add(new LoopProposal(Loop, PauseFailingAds, c.CampaignId, null, null, $"CPA {cpa} > 3 × target {target}", NeedsApproval: false));
                }
            }
            else if (c.Cpa7d > 1.5m * c.TargetCpa)
            {
                proposals.Add(new LoopProposal(Loop, ReduceBudget, c.CampaignId, c.Budget, Math.Round(c.Budget * 0.8m, 2), $"CPA {cpa} > target {target}", NeedsApproval: true));
            }
            else if (c.Cpa7d < 0.7m * c.TargetCpa && c.Conversions7d > 10 && (period is null || c.AutoChangedPeriod != period))
            {
                proposals.Add(new LoopProposal(Loop, IncreaseBudget, c.CampaignId, c.Budget, Math.Round(c.Budget * 1.3m, 2), $"Strong CPA {cpa}, scaling up", NeedsApproval: false));
            }
        }

        return proposals;
    }

    /// <summary>An amount as the reasons write it: invariant, at most two decimals.</summary>
    public static string Sar(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);
}
