using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Onboarding.Contracts;

/// <summary>Input of <see cref="OnboardingApprovalOrchestrator"/>: the approval draft of one step, which it stores first (so
/// the approval instance exists before anyone can see, and decide, the draft) under <see cref="IdempotencyKey"/>.</summary>
/// <remarks>WARNING: persisted in history.</remarks>
public sealed record OnboardingApprovalInput(string TenantId, string DraftId, string OnboardingInstanceId, string StepId, string ApproverRole, string CorrelationId,
    ReplyDraft Draft, string IdempotencyKey);
