using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Outreach.Rules;

namespace Dealix.Orchestrations.Tests.Outreach.Rules;

public class SendWindowsTests
{
    [Theory]
    [InlineData("2026-11-22T06:00:00Z", DraftKind.FirstTouch, true)]   // Sun 09:00 AST
    [InlineData("2026-11-22T05:59:59Z", DraftKind.FirstTouch, false)]  // Sun 08:59:59
    [InlineData("2026-11-22T13:59:59Z", DraftKind.FollowUp, true)]     // Sun 16:59:59
    [InlineData("2026-11-22T14:00:00Z", DraftKind.FollowUp, false)]    // Sun 17:00
    [InlineData("2026-11-26T10:00:00Z", DraftKind.FirstTouch, true)]   // Thu 13:00
    [InlineData("2026-11-27T07:00:00Z", DraftKind.FirstTouch, false)]  // Fri 10:00
    [InlineData("2026-11-28T07:00:00Z", DraftKind.FollowUp, false)]    // Sat 10:00
    [InlineData("2026-11-27T05:00:00Z", DraftKind.Reply, true)]        // Fri 08:00
    [InlineData("2026-11-27T18:59:00Z", DraftKind.Reply, true)]        // Fri 21:59
    [InlineData("2026-11-27T19:00:00Z", DraftKind.Reply, false)]       // Fri 22:00
    [InlineData("2026-11-27T04:59:00Z", DraftKind.Reply, false)]       // Fri 07:59
    public void IsOpen_FollowsSection10_6InAst(string utc, DraftKind kind, bool open)
    {
        Assert.Equal(open, SendWindows.IsOpen(kind, DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));
    }

    [Fact]
    public void NextOpen_ThursdayEvening_IsSundayNine()
    {
        var thursdayEvening = new DateTime(2026, 11, 26, 15, 0, 0, DateTimeKind.Utc); // Thu 18:00 AST

        Assert.Equal(new DateTime(2026, 11, 29, 6, 0, 0, DateTimeKind.Utc), SendWindows.NextOpen(DraftKind.FirstTouch, thursdayEvening));
    }

    [Theory]
    [InlineData(MessageChannel.WhatsApp, 6, null)]
    [InlineData(MessageChannel.Email, 2, 100)]
    [InlineData(MessageChannel.Sms, 2, null)]
    [InlineData(MessageChannel.LinkedIn, 0, null)]
    public void RateLimits_SpacingKeepsEveryMinuteWithinTheLimit(MessageChannel channel, int seconds, int? perDay)
    {
        ChannelLimit limit = SendRateLimits.For(channel);

        Assert.Equal((TimeSpan.FromSeconds(seconds), perDay), (limit.Spacing, limit.PerDay));
        if (limit.PerMinute is { } perMinute)
        {
            Assert.True(TimeSpan.FromMinutes(1) / limit.Spacing <= perMinute);
            Assert.True(limit.Spacing >= limit.MinimumSpacing);
        }
    }
}
