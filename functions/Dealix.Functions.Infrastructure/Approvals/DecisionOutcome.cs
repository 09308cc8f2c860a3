namespace Dealix.Functions.Infrastructure.Approvals;

/// <summary>Outcomes of <see cref="DraftDecisions.DecideAsync"/>.</summary>
public enum DecisionOutcome
{
    Decided,
    NotFound,
    NotPending,
}
