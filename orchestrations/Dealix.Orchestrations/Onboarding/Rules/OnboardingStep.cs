namespace Dealix.Orchestrations.Onboarding.Rules;

/// <summary>One onboarding step (§5.1).</summary>
public sealed record OnboardingStep(string Id, string NameAr, int? Minutes, bool NeedsApproval, int Day);
