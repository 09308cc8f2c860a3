using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>The channels a deal conversation runs on (§10.6).</summary>
// WARNING: persisted by their lowercase names.
[JsonConverter(typeof(JsonStringEnumConverter<MessageChannel>))]
public enum MessageChannel
{
    [JsonStringEnumMemberName("whatsapp")] WhatsApp,
    [JsonStringEnumMemberName("email")] Email,
    [JsonStringEnumMemberName("sms")] Sms,
    [JsonStringEnumMemberName("linkedin")] LinkedIn,
}
