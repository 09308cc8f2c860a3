namespace Dealix.Orchestrations.Tasks;

/// <summary>
/// How a human task ended: <paramref name="Outcome"/> is <c>completed</c>, <c>rejected</c> or <c>cancelled</c>;
/// <paramref name="CompletedBy"/> names the operator (a key id) or <c>automation</c>. The payload of
/// <see cref="HumanTaskEvents.Completed"/>.
/// </summary>
public sealed record HumanTaskOutcome(string TaskId, string Outcome, string CompletedBy, DateTimeOffset CompletedAt,
    IReadOnlyDictionary<string, string>? Result = null);
