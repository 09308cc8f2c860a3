using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>Support ticket priority (DOMAIN.md §11.1). Lower number = more urgent.</summary>
// WARNING: persisted by name in tickets and SLA events; never rename the values.
[JsonConverter(typeof(JsonStringEnumConverter<TicketPriority>))]
public enum TicketPriority
{
    /// <summary>Security, data leak, unauthorised send, unauthorised or live charge.</summary>
    P0 = 0,

    /// <summary>Service down.</summary>
    P1 = 1,

    /// <summary>Connector or integration problem.</summary>
    P2 = 2,

    /// <summary>Everything else (the default).</summary>
    P3 = 3,
}
