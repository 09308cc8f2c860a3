namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>
/// The priority of a ticket with its evidence (§11.4 classify). <see cref="Rejected"/> is set, and nothing
/// else is meaningful, when both subject and body are empty (<c>empty_input</c>).
/// </summary>
public sealed record TicketClassification(
    TicketPriority Priority,
    IReadOnlyList<string> MatchedKeywords,
    string Reason,
    string Source,
    double Confidence,
    string? Rejected = null)
{
    /// <summary>The rejection code for an empty ticket.</summary>
    public const string EmptyInput = "empty_input";

    /// <summary>True when the priority came from a hard rule that nothing may lower (a P0 keyword).</summary>
    public bool IsHardP0 => Priority == TicketPriority.P0 && Source == "rules";
}
