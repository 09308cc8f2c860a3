namespace Dealix.Orchestrations.Onboarding.Contracts;

/// <summary>
/// One connector of one customer (§6.1, §6.3) as stored in the <c>Connectors</c> table (partition = tenant, row =
/// customer and connector). A connector never written is <c>not_started</c>.
/// </summary>
/// <remarks>WARNING: persisted in storage and in history (activity output).</remarks>
public sealed record ConnectorRecord(
    string TenantId,
    string CustomerId,
    string ConnectorId,
    string State,
    string Mode,
    string? FailureReason = null,
    string? AcceptanceCheck = null,
    DateTime? LastSyncAt = null,
    int ErrorCount = 0,
    DateTime? UpdatedAt = null,
    string? UpdatedBy = null,
    bool FounderApproved = false);
