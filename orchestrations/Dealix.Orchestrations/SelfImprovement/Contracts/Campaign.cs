namespace Dealix.Orchestrations.SelfImprovement.Contracts;

/// <summary>
/// One of the tenant's ad campaigns as the marketing loop sees it (§17.3): its daily budget and target CPA (SAR), and the
/// last 7 days' CPA and conversions as the ad platform reported them. <see cref="AdsPaused"/> is set when the loop paused
/// its failing ads (auto-allowed, §17.5); the campaign's budget stays as it was. <see cref="AutoChangedPeriod"/> is the
/// loop period (AST day) of the last budget change the loop made without approval: one automatic change per period, so a
/// run on request and the timed run of the same day cannot raise the budget twice.
/// </summary>
// WARNING: persisted in storage and in history.
public sealed record Campaign(
    string TenantId,
    string CampaignId,
    string Name,
    decimal Budget,
    decimal TargetCpa,
    decimal Cpa7d,
    int Conversions7d,
    bool Active,
    bool AdsPaused,
    DateTime UpdatedAt,
    string? AutoChangedPeriod = null);
