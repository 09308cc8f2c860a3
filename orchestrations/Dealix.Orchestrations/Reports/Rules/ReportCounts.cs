using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>Counting helpers the builders share. Pure.</summary>
internal static class ReportCounts
{
    /// <summary>Every priority P0–P3 with its count among <paramref name="priorities"/> (zeros included).</summary>
    public static IReadOnlyDictionary<string, int> ByPriority(IEnumerable<TicketPriority> priorities)
    {
        var counts = Enum.GetValues<TicketPriority>().ToDictionary(p => p.ToString(), _ => 0, StringComparer.Ordinal);
        foreach (TicketPriority p in priorities)
        {
            counts[p.ToString()]++;
        }

        return new SortedDictionary<string, int>(counts, StringComparer.Ordinal);
    }

    /// <summary>Counts per key, keys in ordinal order.</summary>
    public static IReadOnlyDictionary<string, int> By(IEnumerable<string> keys) =>
        new SortedDictionary<string, int>(keys.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>True when <paramref name="at"/> lies in the window.</summary>
    public static bool In(this ReportWindow window, DateTime? at) => at is { } t && t >= window.Start && t < window.End;

    /// <summary>Statuses a draft reaches only after an operator (or a pre-approval) approved it.</summary>
    public static bool IsApproved(DraftStatus status) => status is DraftStatus.Approved or DraftStatus.Sending or DraftStatus.Sent or DraftStatus.Failed
        or DraftStatus.Simulated or DraftStatus.SendUnknown or DraftStatus.ManualRequired;

    /// <summary>The ledger lines of <paramref name="action"/> in the window.</summary>
    public static IEnumerable<AuditEntry> Lines(ReportFacts facts, ReportWindow window, string action) =>
        facts.Ledger.Where(e => string.Equals(e.Action, action, StringComparison.Ordinal) && window.In(e.At));
}
