namespace Dealix.Orchestrations.CustomerSuccess.Contracts;

/// <summary>
/// What the health score (§14.5) and the at-risk alert (§14.3) of one customer are computed from, as an operator or an
/// upstream job last reported them. Counts only: no names, numbers or messages.
/// </summary>
/// <param name="ActiveDaysLast7">Days with activity among the last 7 (0–7).</param>
/// <param name="DaysInactive">Days since the last activity.</param>
/// <param name="MedianApprovalHours">Median approval turnaround in hours.</param>
/// <param name="DraftsPending">Drafts waiting for the customer's approval.</param>
/// <param name="LastProofPackDaysAgo">Days since the last Proof Pack.</param>
/// <param name="ConnectorsChosen">Connectors the customer chose.</param>
/// <param name="ConnectorsConnected">Of those, how many are connected.</param>
/// <param name="BlockingConnectorFailed">A blocking connector is <c>failed</c>.</param>
/// <param name="OpenP0Tickets">Open P0 tickets.</param>
/// <param name="OpenP1Tickets">Open P1 tickets.</param>
/// <param name="SlaBreachesLast30Days">SLA breaches in the last 30 days.</param>
/// <param name="OpenSlaBreaches">SLA breaches still open (the handoff's SLA gate, §14.4).</param>
/// <param name="OpenSev1Or2Incident">An open SEV1 or SEV2 incident.</param>
/// <param name="ProofPackApproved">The customer approved the delivered Proof Pack (§14.4 step 2).</param>
// WARNING: persisted in history and in the CsHealthInputs table.
public sealed record HealthInputs(
    int ActiveDaysLast7,
    int DaysInactive,
    double MedianApprovalHours,
    int DraftsPending,
    int LastProofPackDaysAgo,
    int ConnectorsChosen,
    int ConnectorsConnected,
    bool BlockingConnectorFailed,
    int OpenP0Tickets,
    int OpenP1Tickets,
    int SlaBreachesLast30Days,
    int OpenSlaBreaches,
    bool OpenSev1Or2Incident,
    bool ProofPackApproved);
