namespace Dealix.Orchestrations.SelfImprovement;

/// <summary>Ids and periods of the loops' runs and approvals.</summary>
public static class LoopKeys
{
    /// <summary>
    /// The period a run is for, from its trigger (<c>timer:{job}:{period}</c> from the scheduler, <c>request:{loop}:{period}</c>
    /// from the run route); null when the trigger names none.
    /// </summary>
    public static string? Period(string? trigger)
    {
        string[] parts = (trigger ?? string.Empty).Split(':');
        return parts.Length == 3 && parts[0] is "timer" or "request" && parts[2].Length is > 0 and <= 16 && parts[2].All(char.IsAsciiLetterOrDigit) ? parts[2] : null;
    }

    /// <summary>The approval id (draft id) of a loop proposal: one per loop, period, action and target.</summary>
    public static string ApprovalDraftId(string loop, string period, string action, string target) =>
        $"{loop[..3]}-{period}-{Short(action)}-{target}";

    private static string Short(string action) => action switch
    {
        "reduce_budget" => "cut",
        "increase_budget" => "up",
        "pause_failing_ads" => "pause",
        _ => action.Length > 6 ? action[..6] : action,
    };
}
