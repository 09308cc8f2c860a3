namespace Dealix.Orchestrations.Onboarding.Rules;

/// <summary>One connector of the catalog (§6.1).</summary>
public sealed record ConnectorInfo(string Id, string Mode, int Phase, bool Blocking);
