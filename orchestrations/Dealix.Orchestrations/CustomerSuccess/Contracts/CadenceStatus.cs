namespace Dealix.Orchestrations.CustomerSuccess.Contracts;

/// <summary>The custom status of a cadence instance: where it is and the next touchpoints.</summary>
// WARNING: read by the API and by operators' dashboards.
public sealed record CadenceStatus(
    string Tenant,
    string CustomerId,
    string Bundle,
    int Month,
    DateOnly RenewalDate,
    int TouchpointsHeld,
    string? LastTouchpoint,
    IReadOnlyList<CadenceTouchpoint> Next);
