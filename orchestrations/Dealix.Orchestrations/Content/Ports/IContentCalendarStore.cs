using Dealix.Orchestrations.Content.Contracts;

namespace Dealix.Orchestrations.Content.Ports;

/// <summary>A tenant's content calendar (§17.3): the suggested posts per ISO week and their review.</summary>
public interface IContentCalendarStore
{
    /// <summary>Adds <paramref name="entry"/> unless its id exists; true when added (a re-run of a week adds nothing).</summary>
    Task<bool> AddIfAbsentAsync(ContentEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The entry, or null.</summary>
    Task<ContentEntry?> GetAsync(string tenantId, string entryId, CancellationToken cancellationToken = default);

    /// <summary>The entries of the weeks <paramref name="fromWeek"/> to <paramref name="toWeek"/> (inclusive, <c>yyyyWww</c>), by week and slot.</summary>
    Task<IReadOnlyList<ContentEntry>> ListAsync(string tenantId, string fromWeek, string toWeek, CancellationToken cancellationToken = default);

    /// <summary>Every entry marked top.</summary>
    Task<IReadOnlyList<ContentEntry>> ListTopAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the entry if it is still as <paramref name="expected"/> was read; false when it changed meanwhile.</summary>
    Task<bool> ReplaceAsync(ContentEntry expected, ContentEntry next, CancellationToken cancellationToken = default);
}
