namespace Dealix.Orchestrations.Onboarding.Contracts;

/// <summary>
/// Starts one customer's onboarding (instance <c>onboarding:{tenantId}:{customerId}</c>): from the deal lifecycle when
/// the deal enters <c>pilot_active</c> (<see cref="DealInstanceId"/> set), or by an operator (§5.6).
/// </summary>
/// <remarks>WARNING: persisted in history.</remarks>
public sealed record OnboardingInput(string TenantId, string CustomerId, string StartedBy, string CorrelationId, string? DealInstanceId = null);
