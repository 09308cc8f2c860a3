using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>What happens when an approval SLA step lapses (§4.4): <c>warning</c> reminds the team lead, <c>breach</c>
/// escalates to the founder.</summary>
// WARNING: persisted by their names.
[JsonConverter(typeof(JsonStringEnumConverter<ApprovalStepKind>))]
public enum ApprovalStepKind
{
    [JsonStringEnumMemberName("reminder")] Reminder,
    [JsonStringEnumMemberName("escalation")] Escalation,
}
