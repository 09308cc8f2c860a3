using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Sla.Contracts;

/// <summary>The verdict of an SLA health report (§12.3).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SlaVerdict>))]
public enum SlaVerdict
{
    /// <summary>Breach rate under 5 % and no P0 breach.</summary>
    [JsonStringEnumMemberName("healthy")] Healthy,

    /// <summary>Breach rate from 5 % to under 15 %, and no P0 breach.</summary>
    [JsonStringEnumMemberName("watch")] Watch,

    /// <summary>Breach rate of 15 % or more, or any P0 breach.</summary>
    [JsonStringEnumMemberName("critical")] Critical,
}
