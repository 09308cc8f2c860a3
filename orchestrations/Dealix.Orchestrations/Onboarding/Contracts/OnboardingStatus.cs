namespace Dealix.Orchestrations.Onboarding.Contracts;

/// <summary>
/// The onboarding's custom status and the checklist the API returns (§5.1, §5.6): the state (<c>in_progress</c>,
/// <c>completed</c>, <c>stopped</c>), the steps, <c>current_step</c>, <c>progress_pct</c>, the at-risk flag (§5.5),
/// the connector gate (§6.4), the choices made and the open human tasks.
/// </summary>
/// <remarks>WARNING: read by the API and by tests; add members only at the end with defaults.</remarks>
public sealed record OnboardingStatus(
    string TenantId,
    string CustomerId,
    string State,
    IReadOnlyList<StepStatus> Steps,
    string? CurrentStep,
    int ProgressPct,
    DateTime StartedAt,
    DateTime Deadline,
    bool AtRisk = false,
    bool ReadyForFirstService = false,
    string? Goal = null,
    string? Bundle = null,
    string? FirstService = null,
    string? LeadSource = null,
    bool ProofPackApproved = false,
    bool CustomerSuccessActive = false,
    IReadOnlyList<string>? Waiting = null,
    IReadOnlyList<string>? UnmetCriteria = null,
    string? CorrelationId = null,
    string? StopReason = null);
