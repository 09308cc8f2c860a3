using Dealix.Orchestrations.Common.Text;

namespace Dealix.Orchestrations.Onboarding.Rules;

/// <summary>
/// Onboarding (DOMAIN.md §5.1) and connector (§6.1–§6.4) rules from <c>Onboarding/Data/onboarding.json</c>: the 8
/// steps in order with approval flags and durations, strict in-order completion and progress, the 11 connectors
/// with mode, phase and blocking flag, the connector state transitions, the connected state a connector lands in,
/// and the <c>ready_for_first_service</c> gate. Pure.
/// </summary>
public static class OnboardingRules
{
    /// <summary>Connector states (§6.3).</summary>
    public static IReadOnlyList<string> ConnectorStates { get; } =
        ["not_started", "configuring", "connected_draft_only", "connected_approved_execute", "failed", "skipped"];

    private static readonly DataFile Data = EmbeddedData.ReadJson<DataFile>("Onboarding.Data.onboarding.json");

    private static readonly HashSet<(string From, string To)> Transitions =
    [
        ("not_started", "configuring"), ("configuring", "connected_draft_only"), ("configuring", "connected_approved_execute"),
        ("configuring", "failed"), ("configuring", "skipped"), ("failed", "configuring"), ("skipped", "configuring"),
        ("connected_draft_only", "failed"), ("connected_approved_execute", "failed"),
        ("connected_draft_only", "not_started"), ("connected_approved_execute", "not_started"),
    ];

    /// <summary>The 8 steps in order.</summary>
    public static IReadOnlyList<OnboardingStep> Steps => Data.Steps;

    /// <summary>The 11 connectors.</summary>
    public static IReadOnlyList<ConnectorInfo> Connectors => Data.Connectors;

    /// <summary>Minutes of customer time in the synchronous steps (27).</summary>
    public static int SynchronousMinutes => Data.Steps.Sum(s => s.Minutes ?? 0);

    /// <summary>Whether <paramref name="stepId"/> may be completed when <paramref name="completed"/> are done.</summary>
    public static RuleDecision CanComplete(string stepId, IReadOnlySet<string> completed)
    {
        int index = Data.Steps.FindIndex(s => s.Id == stepId);
        if (index < 0)
        {
            return RuleDecision.Reject("unknown_step");
        }

        return Data.Steps.Take(index).All(s => completed.Contains(s.Id)) ? RuleDecision.Ok : RuleDecision.Reject("step_out_of_order");
    }

    /// <summary>The first step not completed, or null when all are.</summary>
    public static string? CurrentStep(IReadOnlySet<string> completed) => Data.Steps.FirstOrDefault(s => !completed.Contains(s.Id))?.Id;

    /// <summary><c>round(100 × completed / 8)</c>, counting known steps only.</summary>
    public static int ProgressPercent(IReadOnlySet<string> completed) =>
        (int)Math.Round(100.0 * Data.Steps.Count(s => completed.Contains(s.Id)) / Data.Steps.Count, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Whether a connector may move from <paramref name="from"/> to <paramref name="to"/>. Raising
    /// <c>connected_draft_only</c> to <c>connected_approved_execute</c> needs the catalog default or a founder approval.
    /// </summary>
    public static RuleDecision CanTransition(string connectorId, string from, string to, bool founderApproved = false)
    {
        ConnectorInfo? connector = Data.Connectors.Find(c => c.Id == connectorId);
        if (connector is null)
        {
            return RuleDecision.Reject("unknown_connector");
        }

        if (!ConnectorStates.Contains(from) || !ConnectorStates.Contains(to))
        {
            return RuleDecision.Reject("invalid_state");
        }

        if (from == "connected_draft_only" && to == "connected_approved_execute")
        {
            return connector.Mode == "approved_execute" || founderApproved ? RuleDecision.Ok : RuleDecision.Reject("invalid_transition");
        }

        if (from == "configuring" && to.StartsWith("connected_", StringComparison.Ordinal) && to != LandingState(connectorId))
        {
            return founderApproved && to == "connected_approved_execute" ? RuleDecision.Ok : RuleDecision.Reject("invalid_transition");
        }

        return Transitions.Contains((from, to)) ? RuleDecision.Ok : RuleDecision.Reject("invalid_transition");
    }

    /// <summary>The connected state a connector lands in from its default mode (§6.3).</summary>
    public static string? LandingState(string connectorId) =>
        Data.Connectors.Find(c => c.Id == connectorId)?.Mode == "approved_execute" ? "connected_approved_execute"
        : Data.Connectors.Exists(c => c.Id == connectorId) ? "connected_draft_only" : null;

    /// <summary>The §6.4 summary; connectors absent from <paramref name="states"/> are <c>not_started</c>.</summary>
    public static ConnectorSummary Summarize(IReadOnlyDictionary<string, string> states)
    {
        static bool Connected(string? state) => state is "connected_draft_only" or "connected_approved_execute";
        List<string> missing = [.. Data.Connectors.Where(c => c.Blocking && !Connected(states.GetValueOrDefault(c.Id))).Select(c => c.Id)];
        int connected = Data.Connectors.Count(c => Connected(states.GetValueOrDefault(c.Id)));
        return new ConnectorSummary(missing, connected, missing.Count == 0 && connected >= 1);
    }

    private sealed record DataFile(List<OnboardingStep> Steps, List<ConnectorInfo> Connectors);
}
