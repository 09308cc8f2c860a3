using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Incidents.Contracts;

/// <summary>Incident severity (DOMAIN.md §13.1); SEV1 is the most severe.</summary>
// WARNING: persisted by name on incidents; never rename the values.
[JsonConverter(typeof(JsonStringEnumConverter<IncidentSeverity>))]
public enum IncidentSeverity
{
    /// <summary>A data leak or an unauthorised send, whatever the number of customers.</summary>
    SEV1 = 1,

    /// <summary>Five or more affected customers.</summary>
    SEV2 = 2,

    /// <summary>Everything else.</summary>
    SEV3 = 3,
}
