using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Why a draft exists; decides its approval SLA (§4.4).</summary>
// WARNING: persisted by their snake_case names.
[JsonConverter(typeof(JsonStringEnumConverter<DraftKind>))]
public enum DraftKind
{
    /// <summary>A reply to the contact's own inbound message.</summary>
    [JsonStringEnumMemberName("reply")] Reply,

    /// <summary>A follow-up the timers of §8.4 asked for.</summary>
    [JsonStringEnumMemberName("follow_up")] FollowUp,

    /// <summary>The first e-mail of an outbound sequence from the daily pipeline (§10.2, §10.7).</summary>
    [JsonStringEnumMemberName("first_touch")] FirstTouch,

    /// <summary>An onboarding step's approval request (§5.1): a record to decide, never a message to send.</summary>
    [JsonStringEnumMemberName("onboarding_step")] OnboardingStep,

    /// <summary>The first response to a support ticket (§11.3); its approval SLA is half the ticket's first-response target.</summary>
    [JsonStringEnumMemberName("support_first_response")] SupportFirstResponse,

    /// <summary>A deal's connector action (§8.1 book_meeting, sync_crm): an approval record for a provider call, never a message.</summary>
    [JsonStringEnumMemberName("connector_action")] ConnectorAction,

    /// <summary>A self-improvement loop's change that needs approval (§17.5, e.g. a budget cut): a record, never a message.</summary>
    [JsonStringEnumMemberName("loop_action")] LoopAction,
}
