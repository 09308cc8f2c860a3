using Dealix.Runtime.Hosting.Timers;
using Microsoft.Extensions.Configuration;

namespace Dealix.Runtime.Hosting.Tests.Timers;

/// <summary>NCRONTAB schedules through Cronos.</summary>
public sealed class TimerScheduleTests
{
    private static readonly DateTime Monday = new(2026, 11, 23, 8, 59, 58, DateTimeKind.Utc);

    [Theory]
    [InlineData("* * * * * *", "2026-11-23T08:59:59Z")]
    [InlineData("0 */5 * * * *", "2026-11-23T09:00:00Z")]
    [InlineData("30 0 9 * * 1-5", "2026-11-23T09:00:30Z")]
    [InlineData("0 9 * * *", "2026-11-23T09:00:00Z")]
    public void Next_SixOrFiveFields_IsTheFollowingOccurrence(string expression, string expected)
    {
        TimerSchedule schedule = TimerSchedule.Parse("T", expression, null, TimeZoneInfo.Utc);

        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), schedule.Next(Monday));
    }

    [Fact]
    public void Parse_PercentSetting_ReadsTheExpressionFromConfiguration()
    {
        IConfiguration config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SlaSchedule"] = "0 0 * * * *" }).Build();

        TimerSchedule schedule = TimerSchedule.Parse("Sla", "%SlaSchedule%", config, TimeZoneInfo.Utc);

        Assert.Equal("0 0 * * * *", schedule.Text);
    }

    [Theory]
    [InlineData("* * *", "3 fields")]
    [InlineData("99 * * * * *", "not valid NCRONTAB")]
    [InlineData("%Missing%", "not set")]
    public void Parse_Invalid_NamesTheFunctionAndTheProblem(string expression, string reason)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TimerSchedule.Parse("SlaCheck", expression, new ConfigurationBuilder().Build(), TimeZoneInfo.Utc));

        Assert.Contains("SlaCheck", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
