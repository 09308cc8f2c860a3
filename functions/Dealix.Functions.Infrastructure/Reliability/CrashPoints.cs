using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Dealix.Functions.Infrastructure.Reliability;

/// <summary>
/// Test-only crash points on the product path, for the out-of-process crash tests (RELIABILITY.md). Off unless the
/// environment variable <c>DEALIX_CRASHPOINT</c> names points, as <c>name:pass[,name:pass…]</c>: the process SIGKILLs
/// itself (no graceful stop, no finally blocks, no flush) the <c>pass</c>-th time execution reaches <c>name</c>, after
/// writing one line <c>DEALIX_CRASHPOINT hit name:pass</c> to stderr. Unset, <see cref="Hit"/> is one read of a static
/// readonly field. Never set it in deployed settings; it is ignored where Azure App Service runs the app
/// (<c>WEBSITE_INSTANCE_ID</c> set). Point names are listed in RELIABILITY.md.
/// </summary>
public static class CrashPoints
{
    /// <summary>The environment variable that arms crash points.</summary>
    public const string Variable = "DEALIX_CRASHPOINT";

    private static readonly IReadOnlyDictionary<string, int>? Armed = Parse(
        Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID") is { Length: > 0 } ? null : Environment.GetEnvironmentVariable(Variable));

    private static readonly ConcurrentDictionary<string, int> Passes = new(StringComparer.Ordinal);

    /// <summary>True when any crash point is armed (test runs only).</summary>
    public static bool IsArmed => Armed is not null;

    /// <summary>Marks one pass of <paramref name="name"/>; kills the process if this is the armed pass.</summary>
    public static void Hit(string name)
    {
        if (Armed is null)
        {
            return;
        }

        HitArmed(name);
    }

    /// <summary>Parses <c>name:pass[,name:pass…]</c> (pass defaults to 1); null when empty.</summary>
    internal static IReadOnlyDictionary<string, int>? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var points = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = item.LastIndexOf(':');
            if (colon > 0 && int.TryParse(item[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int pass) && pass > 0)
            {
                points[item[..colon]] = pass;
            }
            else
            {
                points[item] = 1;
            }
        }

        return points.Count == 0 ? null : points;
    }

    private static void HitArmed(string name)
    {
        if (!Armed!.TryGetValue(name, out int armedPass))
        {
            return;
        }

        int pass = Passes.AddOrUpdate(name, 1, (_, n) => n + 1);
        if (pass != armedPass)
        {
            return;
        }

        Console.Error.WriteLine($"{Variable} hit {name}:{pass}");
        Console.Error.Flush();
        using Process self = Process.GetCurrentProcess();
        self.Kill(); // SIGKILL on Linux: what an OOM kill, a host recycle or a power cut does
        Thread.Sleep(Timeout.Infinite);
    }
}
