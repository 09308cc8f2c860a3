namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// The Executive Room weekly pack (§16.3, <c>ExecWeeklyPack</c>; §18 Sunday 07:30 AST, covering the seven days before
/// Sunday 00:00 AST, and on request): the RAG status with the reasons that set it, blockers, risks, actual vs target,
/// and the sections it aggregates — deals, approvals and their SLA, support and the §12.3 verdict, incidents, customer
/// success, the ledger (compliance posture as the app records it, evidence packs). Every section carries its
/// <see cref="Provenance"/>; figures no store records are listed in <see cref="NotMeasured"/> and carried as
/// <c>not measured</c>.
/// </summary>
/// <param name="Rag"><c>red</c>, <c>amber</c> or <c>green</c> (§16.3 rule, on the parts that are measured).</param>
/// <param name="RagReasons">Why: each condition of the rule that held (codes such as <c>open_sev1_sev2</c>, <c>sla_critical</c>).</param>
/// <param name="Blockers">What blocks the business now (see the builder), with counts.</param>
/// <param name="Risks">What threatens it, with counts.</param>
/// <param name="ActualVsTarget">Always <c>not measured</c>: the app stores no targets or revenue.</param>
/// <param name="Deals">Pipeline, wins, losses and moves.</param>
/// <param name="Approvals">The approval queue's SLA states and the week's decisions.</param>
/// <param name="Support">Tickets and the §12.3 verdict.</param>
/// <param name="Incidents">Open and the week's incidents.</param>
/// <param name="Customers">Customer-success health and risk.</param>
/// <param name="Ledger">The week's Action Ledger.</param>
/// <param name="NotMeasured">The §16.3 figures no store records, with why.</param>
public sealed record ExecutiveWeeklyPack(
    string Rag,
    IReadOnlyList<string> RagReasons,
    IReadOnlyList<ReportItem> Blockers,
    IReadOnlyList<ReportItem> Risks,
    string ActualVsTarget,
    ExecDeals Deals,
    ExecApprovals Approvals,
    ExecSupport Support,
    ExecIncidents Incidents,
    ExecCustomers Customers,
    ExecLedger Ledger,
    IReadOnlyList<NotMeasured> NotMeasured);

/// <summary>
/// Deals (§16.3 source 1) from the ledger: each deal's current stage (its last applied <c>stage_transition</c>, else
/// <c>new_lead</c>), the week's new deals, wins, losses and stage moves, and the win rate of the deals closed in the
/// week (null when none closed). Revenue and pipeline value in SAR are not stored: <c>not measured</c>.
/// </summary>
public sealed record ExecDeals(
    IReadOnlyDictionary<string, int> PipelineByStage,
    int OpenDeals,
    int NewDeals,
    int Won,
    int Lost,
    double? WinRate,
    IReadOnlyDictionary<string, int> StageMoves,
    string RevenueSar,
    string PipelineValueSar,
    Provenance Provenance);

/// <summary>
/// Approvals (§16.3 source 2, §4.4): the pending drafts by approval-SLA state now (<c>pending</c>, <c>warning</c>,
/// <c>breach</c>), and the week's drafts created, approved, edited-and-approved, rejected and expired.
/// </summary>
public sealed record ExecApprovals(int Pending, int Warning, int Breach, DraftCounts Week, int Edited, Provenance Provenance);

/// <summary>Support (§12.3): tickets opened, resolved and breached in the week, open now, breach rate and verdict.</summary>
public sealed record ExecSupport(int Opened, int Resolved, int Breached, int OpenNow, int OpenP0, double BreachRate, string Verdict, Provenance Provenance);

/// <summary>Incidents: open ones per severity, detected and resolved in the week, and whether the tenant is frozen.</summary>
public sealed record ExecIncidents(IReadOnlyDictionary<string, int> Open, int Detected, int Resolved, bool Frozen, Provenance Provenance);

/// <summary>
/// Customer success: customers under a cadence, how many are medium or high risk (their ids, highest risk first), and
/// the average latest health score (null before any scoring).
/// </summary>
public sealed record ExecCustomers(int Total, int AtRisk, int HighRisk, IReadOnlyList<string> AtRiskIds, double? AverageHealth, Provenance Provenance);

/// <summary>
/// The week in the Action Ledger (§4.8, §16.3 sources 4 and 7 as far as the app records them): lines, Class B lines,
/// refused Class B calls without a correlation id, drafts blocked by compliance or the content gate, opt-outs, and
/// evidence packs assembled.
/// </summary>
public sealed record ExecLedger(int Lines, int ClassB, int MissingCorrelationId, int ComplianceBlocks, int OptOuts, int EvidencePacks, Provenance Provenance);
