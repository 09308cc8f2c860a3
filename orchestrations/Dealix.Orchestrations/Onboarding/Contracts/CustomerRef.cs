namespace Dealix.Orchestrations.Onboarding.Contracts;

/// <summary>A tenant's customer: the key of its onboarding and its connectors.</summary>
/// <remarks>WARNING: persisted in history (activity input).</remarks>
public sealed record CustomerRef(string TenantId, string CustomerId);
