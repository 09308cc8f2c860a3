using Dealix.Orchestrations.SelfImprovement.Contracts;

namespace Dealix.Orchestrations.SelfImprovement.Ports;

/// <summary>The tenant's ad campaigns (§17.3): their budgets, targets and last-7-day figures.</summary>
public interface ICampaignStore
{
    /// <summary>The tenant's campaigns.</summary>
    Task<IReadOnlyList<Campaign>> ListAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>One campaign, or null.</summary>
    Task<Campaign?> GetAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces a campaign's figures (the ad platform's report, entered through the API).</summary>
    Task UpsertAsync(Campaign campaign, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the budget from <paramref name="expectedFrom"/> to <paramref name="to"/> only while it still is
    /// <paramref name="expectedFrom"/> (or already is <paramref name="to"/>, a retried call). False when it changed meanwhile
    /// or the campaign is gone. An automatic change names its loop <paramref name="autoPeriod"/>: it is refused (false)
    /// when the loop already changed the budget automatically in that period, and records the period otherwise.
    /// </summary>
    Task<bool> SetBudgetAsync(
        string tenantId, string campaignId, decimal expectedFrom, decimal to, DateTime at, string? autoPeriod = null, CancellationToken cancellationToken = default);

    /// <summary>Marks the campaign's failing ads paused; false when the campaign is gone.</summary>
    Task<bool> PauseAdsAsync(string tenantId, string campaignId, DateTime at, CancellationToken cancellationToken = default);

    /// <summary>Runs the campaign's paused ads again (a revert of <c>pause_failing_ads</c>, §17.7) only while they are
    /// paused; false when they are not paused (any more) or the campaign is gone.</summary>
    Task<bool> ResumeAdsAsync(string tenantId, string campaignId, DateTime at, CancellationToken cancellationToken = default);
}
