using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Draft statuses of DOMAIN.md §10.5, plus <c>simulated</c> (live sending off) and <c>send_unknown</c>
/// (the provider's answer was lost: an operator decides, nothing is retried blindly).</summary>
// WARNING: persisted by their snake_case names.
[JsonConverter(typeof(JsonStringEnumConverter<DraftStatus>))]
public enum DraftStatus
{
    [JsonStringEnumMemberName("pending_approval")] PendingApproval,
    [JsonStringEnumMemberName("approved")] Approved,
    [JsonStringEnumMemberName("rejected")] Rejected,
    [JsonStringEnumMemberName("expired")] Expired,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
    [JsonStringEnumMemberName("sending")] Sending,
    [JsonStringEnumMemberName("sent")] Sent,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("manual_required")] ManualRequired,
    [JsonStringEnumMemberName("simulated")] Simulated,
    [JsonStringEnumMemberName("send_unknown")] SendUnknown,
    [JsonStringEnumMemberName("blocked_by_gate")] BlockedByGate,
}
