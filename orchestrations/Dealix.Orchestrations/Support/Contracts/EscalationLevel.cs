using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>
/// The two points of a ticket SLA target: <c>warning</c> when the target turns <c>at_risk</c> (80 %, §12.2) tells the
/// owners; <c>breach</c> past the target escalates one step up the ladder (§4.6).
/// </summary>
// WARNING: persisted by their names (escalation keys, history).
[JsonConverter(typeof(JsonStringEnumConverter<EscalationLevel>))]
public enum EscalationLevel
{
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("breach")] Breach,
}
