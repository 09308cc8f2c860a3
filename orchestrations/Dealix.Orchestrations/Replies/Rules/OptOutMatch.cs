namespace Dealix.Orchestrations.Replies.Rules;

/// <summary>Whether a message is an opt-out, and which rules said so.</summary>
public sealed record OptOutMatch(bool IsOptOut, IReadOnlyList<string> MatchedRules)
{
    /// <summary>No opt-out found.</summary>
    public static OptOutMatch None { get; } = new(false, []);
}
