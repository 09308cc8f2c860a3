namespace Dealix.Orchestrations.Onboarding.Contracts;

/// <summary>Input of <see cref="OnboardingApprovalOrchestrator"/>: the approval draft of one step.</summary>
/// <remarks>WARNING: persisted in history.</remarks>
public sealed record OnboardingApprovalInput(string TenantId, string DraftId, string OnboardingInstanceId, string StepId, string ApproverRole, string CorrelationId);
