namespace Dealix.Orchestrations.CustomerSuccess.Contracts;

/// <summary>The customer health score of §14.5: 0–100, its band (<c>green</c>, <c>amber</c>, <c>red</c>), the six
/// normalised components and the red flags that force a review whatever the score.</summary>
// WARNING: persisted in history and returned by the API (snake_case there).
public sealed record HealthScoreResult(
    int Score,
    string Band,
    IReadOnlyDictionary<string, int> Components,
    IReadOnlyList<string> RedFlags)
{
    /// <summary>True when a red flag forces a review.</summary>
    public bool ReviewRequired => RedFlags.Count > 0;
}
