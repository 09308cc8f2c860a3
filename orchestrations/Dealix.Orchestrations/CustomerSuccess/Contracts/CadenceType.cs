using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.CustomerSuccess.Contracts;

/// <summary>The six customer-success cadences of DOMAIN.md §14.1.</summary>
// WARNING: persisted by snake_case name on scheduled cadence events.
[JsonConverter(typeof(JsonStringEnumConverter<CadenceType>))]
public enum CadenceType
{
    /// <summary>Weekly 25-minute check-in.</summary>
    [JsonStringEnumMemberName("weekly_check_in")] WeeklyCheckIn,

    /// <summary>Every 30 days: the month's Proof Pack review.</summary>
    [JsonStringEnumMemberName("monthly_proof_review")] MonthlyProofReview,

    /// <summary>Quarterly business review, every 90 days from activation.</summary>
    [JsonStringEnumMemberName("qbr")] Qbr,

    /// <summary>Event-driven at-risk alert.</summary>
    [JsonStringEnumMemberName("at_risk_alert")] AtRiskAlert,

    /// <summary>30 days before renewal.</summary>
    [JsonStringEnumMemberName("renewal_30_day")] Renewal30Day,

    /// <summary>7 days before renewal.</summary>
    [JsonStringEnumMemberName("renewal_7_day")] Renewal7Day,
}
