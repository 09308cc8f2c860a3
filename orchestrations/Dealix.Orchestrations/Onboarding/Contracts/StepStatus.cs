namespace Dealix.Orchestrations.Onboarding.Contracts;

/// <summary>One step of the checklist (§5.1): <c>pending</c> → <c>in_progress</c> → <c>awaiting_approval</c> →
/// <c>completed</c>, or <c>failed</c> / <c>blocked</c>.</summary>
/// <remarks>WARNING: part of the custom status and the API.</remarks>
public sealed record StepStatus(
    string Id,
    string State,
    bool Completed = false,
    DateTime? CompletedAt = null,
    string? ApprovedBy = null,
    string? Notes = null,
    string? ApprovalId = null,
    int PlanDay = 0);
