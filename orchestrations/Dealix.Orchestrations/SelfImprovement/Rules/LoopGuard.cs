using Dealix.Orchestrations.SelfImprovement.Contracts;

namespace Dealix.Orchestrations.SelfImprovement.Rules;

/// <summary>
/// The one guard every automatic action consults: the red lines (§17.9, a refusal no approval lifts) first, then the
/// §17.5 split between auto-allowed actions and those that need approval. Pure.
/// </summary>
public static class LoopGuard
{
    /// <summary>The verdict on <paramref name="action"/>.</summary>
    public static Verdict Check(AutomatedAction action) => RedLines.Check(action) ?? AutoActionPolicy.Classify(action);
}
