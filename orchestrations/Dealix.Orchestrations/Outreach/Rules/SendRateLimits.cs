using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Outreach.Rules;

/// <summary>
/// Per-tenant, per-channel rate limits of DOMAIN.md §10.6: WhatsApp ≤ 10 messages a minute with ≥ 3 s between two;
/// e-mail ≤ 30 a minute and ≤ 100 a day; SMS ≤ 30 a minute; LinkedIn is sent by hand (no limit here). The sender paces
/// one channel's messages <see cref="ChannelLimit.Spacing"/> apart, so no minute ever holds more than the limit. Pure.
/// </summary>
public static class SendRateLimits
{
    /// <summary>The limit of a channel.</summary>
    public static ChannelLimit For(MessageChannel channel) => channel switch
    {
        MessageChannel.WhatsApp => new ChannelLimit(10, TimeSpan.FromSeconds(3), null),
        MessageChannel.Email => new ChannelLimit(30, TimeSpan.Zero, 100),
        MessageChannel.Sms => new ChannelLimit(30, TimeSpan.Zero, null),
        _ => new ChannelLimit(null, TimeSpan.Zero, null),
    };
}

/// <summary>A channel's limits: messages per minute, least spacing between two, messages per day (null = none).</summary>
public sealed record ChannelLimit(int? PerMinute, TimeSpan MinimumSpacing, int? PerDay)
{
    /// <summary>The pause between two sends: the larger of 60 s / per-minute and the least spacing.</summary>
    public TimeSpan Spacing => PerMinute is { } perMinute
        ? TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(1).Ticks / perMinute, MinimumSpacing.Ticks))
        : MinimumSpacing;
}
