using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Sla.Contracts;

/// <summary>The state of one SLA target of a ticket (§12.2).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SlaTargetStatus>))]
public enum SlaTargetStatus
{
    /// <summary>Done within the target.</summary>
    [JsonStringEnumMemberName("met")] Met,

    /// <summary>Open and under 80 % of the target.</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    /// <summary>Open and at 80 % of the target or more.</summary>
    [JsonStringEnumMemberName("at_risk")] AtRisk,

    /// <summary>Over the target, done or not.</summary>
    [JsonStringEnumMemberName("breached")] Breached,
}
