using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>The two SLA targets of a ticket (§11.1).</summary>
// WARNING: persisted by their snake_case names (escalation keys, history).
[JsonConverter(typeof(JsonStringEnumConverter<SlaTarget>))]
public enum SlaTarget
{
    [JsonStringEnumMemberName("first_response")] FirstResponse,
    [JsonStringEnumMemberName("resolution")] Resolution,
}
