namespace Dealix.Orchestrations.Onboarding.Rules;

/// <summary>The answer to a proposed change: accepted, or rejected with a stable error code.</summary>
public sealed record RuleDecision(bool Accepted, string? Error)
{
    /// <summary>Accepted.</summary>
    public static RuleDecision Ok { get; } = new(true, null);

    /// <summary>Rejected with <paramref name="error"/>.</summary>
    public static RuleDecision Reject(string error) => new(false, error);
}
