namespace Dealix.Orchestrations.Onboarding.Rules;

/// <summary>The connector summary of §6.4.</summary>
public sealed record ConnectorSummary(IReadOnlyList<string> BlockingMissing, int ConnectedCount, bool ReadyForFirstService);
