using Cronos;
using Microsoft.Extensions.Configuration;

namespace Dealix.Runtime.Hosting.Timers;

/// <summary>
/// A timer schedule: an NCRONTAB expression parsed by Cronos, 6 fields (with seconds) as Azure Functions uses, or 5
/// (without), evaluated in the app's time zone. <c>%Setting%</c> reads the expression from a setting.
/// </summary>
public sealed class TimerSchedule
{
    private readonly CronExpression _expression;
    private readonly TimeZoneInfo _zone;

    private TimerSchedule(string text, CronExpression expression, TimeZoneInfo zone)
    {
        Text = text;
        _expression = expression;
        _zone = zone;
    }

    /// <summary>The expression as resolved.</summary>
    public string Text { get; }

    /// <summary>Parses; throws <see cref="InvalidOperationException"/> naming the function and the problem.</summary>
    public static TimerSchedule Parse(string functionName, string schedule, IConfiguration? configuration, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        string text = schedule.Trim();
        if (text.Length > 2 && text[0] == '%' && text[^1] == '%')
        {
            string setting = text[1..^1];
            text = configuration?[setting]?.Trim()
                ?? throw new InvalidOperationException($"Timer '{functionName}' reads its schedule from setting '{setting}', which is not set.");
        }

        int fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
        {
            throw new InvalidOperationException($"Timer '{functionName}' schedule '{text}' has {fields} fields; NCRONTAB takes 6 ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}) or 5.");
        }

        try
        {
            CronExpression expression = CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return new TimerSchedule(text, expression, zone ?? TimeZoneInfo.Utc);
        }
        catch (CronFormatException e)
        {
            throw new InvalidOperationException($"Timer '{functionName}' schedule '{text}' is not valid NCRONTAB: {e.Message}", e);
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="afterUtc"/> (UTC), or null when there is none.</summary>
    public DateTime? Next(DateTime afterUtc) =>
        _expression.GetNextOccurrence(DateTime.SpecifyKind(afterUtc, DateTimeKind.Utc), _zone, inclusive: false);
}
