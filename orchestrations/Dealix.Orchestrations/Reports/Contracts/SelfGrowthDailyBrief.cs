namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// The self-growth daily brief (§15.1; §18 Sun–Thu 07:30 AST; Sunday's covers Thursday–Saturday): the ICP focuses,
/// today's recommended targets (the first-touch drafts today's daily pipeline prepared, waiting for approval), the
/// drafts awaiting approval, the replies of the window by category, and the three operator reminders.
/// </summary>
/// <param name="IcpSectors">The nine §10.1 sectors the ICP focuses on.</param>
/// <param name="RecommendedTargets">Today's first-touch drafts awaiting approval, oldest first (bounded).</param>
/// <param name="AwaitingApproval">Pending drafts per kind (<c>first_touch</c>, <c>reply</c>, …).</param>
/// <param name="RepliesByCategory">Inbound replies classified in the window, per category.</param>
/// <param name="Reminders">The three reminders every brief repeats.</param>
public sealed record SelfGrowthDailyBrief(
    IReadOnlyList<string> IcpSectors,
    IReadOnlyList<TargetItem> RecommendedTargets,
    IReadOnlyDictionary<string, int> AwaitingApproval,
    IReadOnlyDictionary<string, int> RepliesByCategory,
    IReadOnlyList<Reminder> Reminders);

/// <summary>One recommended target: its draft (ids only), channel and when it was drafted.</summary>
public sealed record TargetItem(string DraftId, string Channel, DateTime DraftedAt);

/// <summary>An operator reminder, in English and Arabic.</summary>
public sealed record Reminder(string Code, string Text, string TextAr);
