using Dealix.Orchestrations.Common.Text;
using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Support.Rules;

/// <summary>The four priority tiers of DOMAIN.md §11.1 and §11.3, loaded from <c>Support/Data/priorities.json</c>.</summary>
public static class SupportPriorities
{
    private static readonly IReadOnlyDictionary<TicketPriority, PriorityTier> Tiers = Load();

    /// <summary>All four tiers, most urgent first.</summary>
    public static IReadOnlyList<PriorityTier> All { get; } = [.. Tiers.Values.OrderBy(t => t.Priority)];

    /// <summary>The tier of one priority.</summary>
    public static PriorityTier For(TicketPriority priority) => Tiers[priority];

    /// <summary>The Arabic first-response template of a priority (§11.3).</summary>
    public static string FirstResponse(TicketPriority priority) => Tiers[priority].FirstResponseTemplate;

    private static Dictionary<TicketPriority, PriorityTier> Load()
    {
        List<Row> rows = EmbeddedData.ReadJson<List<Row>>("Support.Data.priorities.json");
        return rows.ToDictionary(r => r.Priority, r => new PriorityTier(r.Priority, r.Meaning, r.Owners,
            TimeSpan.FromMinutes(r.FirstResponseMinutes), TimeSpan.FromMinutes(r.ResolutionMinutes), r.FirstResponseTemplate));
    }

    private sealed record Row(TicketPriority Priority, string Meaning, List<string> Owners, int FirstResponseMinutes,
        int ResolutionMinutes, string FirstResponseTemplate);
}
