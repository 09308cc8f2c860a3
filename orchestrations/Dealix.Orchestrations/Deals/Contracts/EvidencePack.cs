namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>
/// A stored evidence pack (§8.9): the canonical JSON of deal, lead and approval records and its SHA-256 (lowercase
/// hex, over the canonical JSON without the hash itself). Immutable once stored; a re-hash must match.
/// </summary>
// WARNING: persisted in storage.
public sealed record EvidencePack(
    string EvidencePackId,
    string TenantId,
    string DealId,
    string CorrelationId,
    DateTime CreatedAt,
    string CanonicalJson,
    string Sha256);
