using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>How a pending draft ended (§4.3, §4.5).</summary>
// WARNING: persisted by their snake_case names.
[JsonConverter(typeof(JsonStringEnumConverter<DraftDecisionKind>))]
public enum DraftDecisionKind
{
    [JsonStringEnumMemberName("approved")] Approved,
    [JsonStringEnumMemberName("rejected")] Rejected,
    [JsonStringEnumMemberName("expired")] Expired,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}
