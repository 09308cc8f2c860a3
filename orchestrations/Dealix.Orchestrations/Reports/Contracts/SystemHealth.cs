namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// System health for a digest: open incidents per severity, incidents detected in the window, whether the tenant is
/// frozen, and a status: <c>red</c> (an open SEV1/SEV2 or a freeze), <c>amber</c> (an open SEV3) or <c>green</c>.
/// The 7-day uptime, where the operations metrics store has it, is the digest's <c>Uptime</c>.
/// </summary>
public sealed record SystemHealth(string Status, IReadOnlyDictionary<string, int> OpenIncidents, int IncidentsDetected, bool Frozen);
