namespace Dealix.Orchestrations.SelfImprovement.Contracts;

/// <summary>
/// An action automation is about to take, as the red-line guard (<see cref="Rules.RedLines"/>) and the §17.5 policy
/// (<see cref="Rules.AutoActionPolicy"/>) see it: its name, tenant, correlation id (Class B needs one, §4.1), target,
/// audience (<c>customer</c>, <c>media</c>, <c>internal</c>…), the amounts it moves, who approved it (null: nobody,
/// automation on its own) and the data it would write or send (checked for credentials, red line 5).
/// </summary>
public sealed record AutomatedAction(string TenantId, string Action, string? CorrelationId, string Target)
{
    /// <summary>Who the action reaches: <c>customer</c>, <c>contact</c>, <c>media</c>, <c>internal</c>.</summary>
    public string Audience { get; init; } = "internal";

    /// <summary>The value before the change (a budget), when it changes one.</summary>
    public decimal? From { get; init; }

    /// <summary>The value after the change.</summary>
    public decimal? To { get; init; }

    /// <summary>How many recipients a send reaches.</summary>
    public int Recipients { get; init; }

    /// <summary>The human who approved it through the approval center; null when automation acts on its own.</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>Text the action would store or send (a message body, a note).</summary>
    public string? Text { get; init; }

    /// <summary>Named values the action would store or send.</summary>
    public IReadOnlyDictionary<string, string>? Data { get; init; }
}
