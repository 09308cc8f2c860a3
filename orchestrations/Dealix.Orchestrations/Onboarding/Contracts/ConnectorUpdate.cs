namespace Dealix.Orchestrations.Onboarding.Contracts;

/// <summary>
/// A requested connector change (§6.3, §6.7 <c>update</c>): move <see cref="ConnectorId"/> of a customer to
/// <see cref="State"/>. A move into a connected state carries the §6.6 acceptance test result; a failed test moves the
/// connector to <c>failed</c> with the troubleshooting reason instead. <see cref="FounderApproval"/> names the founder's
/// approval id when a connector is raised above its default mode (Class B).
/// </summary>
/// <remarks>WARNING: persisted in history (activity input).</remarks>
public sealed record ConnectorUpdate(
    string TenantId,
    string CustomerId,
    string ConnectorId,
    string State,
    string Actor,
    string CorrelationId,
    string? Reason = null,
    AcceptanceReport? Acceptance = null,
    string? FounderApproval = null);
