namespace Dealix.Orchestrations.CustomerSuccess.Contracts;

/// <summary>Input of <c>RecordCsTouchpoints</c>: a month's touchpoints to store as scheduled.</summary>
// WARNING: persisted in history.
public sealed record RecordTouchpointsInput(string Tenant, string CustomerId, IReadOnlyList<CadenceTouchpoint> Touchpoints);

/// <summary>Input of <c>PrepareCsTouchpoint</c>: the touchpoint that fell due and the task id the cadence will create.</summary>
// WARNING: persisted in history.
public sealed record PrepareTouchpointInput(string Tenant, string CustomerId, string Bundle, CadenceTouchpoint Touchpoint, string TaskId);

/// <summary>What the cadence needs to create a touchpoint's task: the filled-in details and the customer's last at-risk
/// severity (null when never scored).</summary>
// WARNING: persisted in history.
public sealed record TouchpointBrief(IReadOnlyDictionary<string, string> Details, RiskSeverity? LastSeverity);

/// <summary>Input of <c>RunCsHandoff</c>.</summary>
// WARNING: persisted in history.
public sealed record HandoffInput(string Tenant, string CustomerId, string Bundle);

/// <summary>The post-delivery handoff checks (§14.4): the SLA gate, the approved Proof Pack, and the note for the CS owner.</summary>
// WARNING: persisted in history.
public sealed record HandoffResult(bool SlaGatePassed, bool ProofPackApproved, IReadOnlyDictionary<string, string> Note)
{
    /// <summary>Delivery counts as a success only when both checks pass.</summary>
    public bool DeliverySucceeded => SlaGatePassed && ProofPackApproved;
}

/// <summary>Input of <c>ScoreCustomerRisk</c>: one customer on one AST day.</summary>
// WARNING: persisted in history.
public sealed record ScoreRiskInput(string Tenant, string CustomerId, DateOnly Day);

/// <summary>A customer of some tenant.</summary>
// WARNING: persisted in history.
public sealed record CsCustomerRef(string Tenant, string CustomerId);

/// <summary>Input of the daily jobs: the period key of the tick (<c>yyyyMMdd</c>, AST) and its AST day.</summary>
// WARNING: persisted in history.
public sealed record CsJobInput(string PeriodKey, DateOnly Day);

/// <summary>What a daily job did, for its output and logs.</summary>
// WARNING: persisted in history.
public sealed record CsJobResult(string PeriodKey, bool SkippedPaused, int Customers, int Alerts, int Tasks);
