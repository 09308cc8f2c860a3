using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Replies.Contracts;

/// <summary>The 12 reply categories of DOMAIN.md §9.1, in precedence order.</summary>
// WARNING: persisted and sent on the wire by their snake_case names; never rename those.
[JsonConverter(typeof(JsonStringEnumConverter<ReplyCategory>))]
public enum ReplyCategory
{
    /// <summary>Opt-out: immediate stop and suppression.</summary>
    [JsonStringEnumMemberName("unsubscribe")] Unsubscribe,

    /// <summary>A complaint about the contact itself.</summary>
    [JsonStringEnumMemberName("complaint")] Complaint,

    /// <summary>An automatic out-of-office reply.</summary>
    [JsonStringEnumMemberName("out_of_office")] OutOfOffice,

    /// <summary>Negated interest or need.</summary>
    [JsonStringEnumMemberName("not_interested")] NotInterested,

    /// <summary>Not the person to talk to.</summary>
    [JsonStringEnumMemberName("wrong_person")] WrongPerson,

    /// <summary>Already has a CRM, vendor or in-house solution.</summary>
    [JsonStringEnumMemberName("already_has_solution")] AlreadyHasSolution,

    /// <summary>Asks about price.</summary>
    [JsonStringEnumMemberName("ask_price")] AskPrice,

    /// <summary>Asks for a demo, meeting or call.</summary>
    [JsonStringEnumMemberName("ask_demo")] AskDemo,

    /// <summary>Not now; later.</summary>
    [JsonStringEnumMemberName("not_now")] NotNow,

    /// <summary>Asks for information.</summary>
    [JsonStringEnumMemberName("ask_info")] AskInfo,

    /// <summary>Interested.</summary>
    [JsonStringEnumMemberName("interested")] Interested,

    /// <summary>Nothing recognisable: human review.</summary>
    [JsonStringEnumMemberName("unclear")] Unclear,
}
