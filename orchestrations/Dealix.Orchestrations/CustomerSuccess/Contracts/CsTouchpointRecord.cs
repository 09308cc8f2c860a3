namespace Dealix.Orchestrations.CustomerSuccess.Contracts;

/// <summary>A touchpoint as stored (CsTouchpoints table): <c>scheduled</c> until the cadence holds it, then <c>held</c>
/// with the human task it created.</summary>
// WARNING: persisted in storage and returned by the API.
public sealed record CsTouchpointRecord(
    string Tenant,
    string CustomerId,
    string Key,
    string Item,
    DateOnly Date,
    DateTimeOffset DueAt,
    string Status,
    string? TaskId = null,
    DateTimeOffset? HeldAt = null);
