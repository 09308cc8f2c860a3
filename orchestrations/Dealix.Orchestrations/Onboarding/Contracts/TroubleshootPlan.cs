namespace Dealix.Orchestrations.Onboarding.Contracts;

/// <summary>
/// What troubleshooting a failed connector asks for (§6.6, §5.3): the recovery task for the step owner (kind, title,
/// owner role), and whether an operator alert is due (a provider outage shorter than 5 minutes raises none).
/// </summary>
/// <remarks>WARNING: persisted in history (activity output).</remarks>
public sealed record TroubleshootPlan(string ConnectorId, string Reason, string? TaskKind, string? TaskTitle, string OwnerRole, bool Alert);
