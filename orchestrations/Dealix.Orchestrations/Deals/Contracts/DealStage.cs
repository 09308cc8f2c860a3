using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>The 12 pipeline stages of DOMAIN.md §8.1 plus the terminal <c>opted_out</c>.</summary>
// WARNING: persisted in history, custom status and tables by their snake_case names; never rename those.
[JsonConverter(typeof(JsonStringEnumConverter<DealStage>))]
public enum DealStage
{
    [JsonStringEnumMemberName("new_lead")] NewLead,
    [JsonStringEnumMemberName("qualifying")] Qualifying,
    [JsonStringEnumMemberName("qualified")] Qualified,
    [JsonStringEnumMemberName("nurturing")] Nurturing,
    [JsonStringEnumMemberName("meeting_booked")] MeetingBooked,
    [JsonStringEnumMemberName("meeting_done")] MeetingDone,
    [JsonStringEnumMemberName("proposal_sent")] ProposalSent,
    [JsonStringEnumMemberName("negotiating")] Negotiating,
    [JsonStringEnumMemberName("payment_requested")] PaymentRequested,
    [JsonStringEnumMemberName("pilot_active")] PilotActive,
    [JsonStringEnumMemberName("closed_won")] ClosedWon,
    [JsonStringEnumMemberName("closed_lost")] ClosedLost,
    [JsonStringEnumMemberName("opted_out")] OptedOut,
}
