using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>
/// What a tenant turned on. Live sending is off unless a channel is listed in <see cref="LiveSendChannels"/> (I2), and
/// auto-replies happen only when <see cref="AutoReplyEnabled"/> is also on (§8.6).
/// </summary>
/// <remarks>
/// <para><c>Placeholders</c>: Values for template placeholders such as <c>booking_link</c>, <c>one_pager_link</c>.</para>
/// <para><c>DefaultOperator</c>: The operator approvals are assigned to (callback tokens are bound to them).</para>
/// </remarks>
public sealed record DealSettings(
    IReadOnlySet<MessageChannel> LiveSendChannels,
    bool AutoReplyEnabled,
    IReadOnlyDictionary<string, string> Placeholders,
    string DefaultOperator = "operator")
{
    /// <summary>Everything off.</summary>
    public static DealSettings Off { get; } = new(new HashSet<MessageChannel>(), false, new Dictionary<string, string>());

    /// <summary>True when live sending is on for <paramref name="channel"/>.</summary>
    public bool IsLive(MessageChannel channel) => LiveSendChannels.Contains(channel);
}
