using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.CustomerSuccess.Contracts;

/// <summary>At-risk alert severity (§14.3).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RiskSeverity>))]
public enum RiskSeverity
{
    /// <summary>Score under 40: listed only.</summary>
    [JsonStringEnumMemberName("low")] Low,

    /// <summary>Score 40–69, or 7+ days inactive: a CS task within 3 business days.</summary>
    [JsonStringEnumMemberName("medium")] Medium,

    /// <summary>Score 70+: personal outreach within 1 business day, shown to the founder.</summary>
    [JsonStringEnumMemberName("high")] High,
}
