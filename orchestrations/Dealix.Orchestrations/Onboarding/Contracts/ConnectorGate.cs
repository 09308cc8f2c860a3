namespace Dealix.Orchestrations.Onboarding.Contracts;

/// <summary>
/// The §6.4 summary of a customer's connectors: per-connector state, the blocking connectors missing, how many are
/// connected, and <c>ready_for_first_service</c>; plus the failed connectors with their reasons (for recovery, §5.3).
/// </summary>
/// <remarks>WARNING: persisted in history (activity output).</remarks>
public sealed record ConnectorGate(
    IReadOnlyList<ConnectorRecord> Connectors,
    IReadOnlyList<string> BlockingMissing,
    int ConnectedCount,
    bool ReadyForFirstService)
{
    /// <summary>The failed connectors, in catalog order.</summary>
    public IEnumerable<ConnectorRecord> Failed => Connectors.Where(c => c.State == "failed");
}
