using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Sla.Contracts;

namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// What the report builders read, as an activity found it in the stores of one tenant (drafts, tickets and their SLA
/// log, the audit ledger, incidents, customer-success scores, open follow-ups). Ids and counts only: no message text,
/// numbers or addresses.
/// </summary>
/// <param name="Drafts">Drafts pending now, and drafts created or decided since a little before the window.</param>
/// <param name="Tickets">The tenant's tickets (newest first, bounded).</param>
/// <param name="SlaLog">Each ticket's SLA events in order (§12.1).</param>
/// <param name="Ledger">The audit ledger lines before the window's end, in time order.</param>
/// <param name="Incidents">The tenant's incidents.</param>
/// <param name="Customers">Customers under a cadence with their latest scores.</param>
/// <param name="FollowUps">Open human tasks and scheduled customer-success touchpoints.</param>
public sealed record ReportFacts(
    IReadOnlyList<DraftFact> Drafts,
    IReadOnlyList<TicketFact> Tickets,
    IReadOnlyList<IReadOnlyList<SlaEvent>> SlaLog,
    IReadOnlyList<AuditEntry> Ledger,
    IReadOnlyList<IncidentFact> Incidents,
    IReadOnlyList<CustomerFact> Customers,
    IReadOnlyList<FollowUpFact> FollowUps)
{
    /// <summary>Competitors' content, our content calendar and competitor mentions (read for monthly reports only; null: not read).</summary>
    public MarketingFacts? Marketing { get; init; }

    /// <summary>No facts at all.</summary>
    public static ReportFacts Empty { get; } = new([], [], [], [], [], [], []);

    /// <summary>The operations metrics store's figures of the 35 days up to the window's end (revenue, uptime…; §17.4).</summary>
    public IReadOnlyList<OperationsLoop.Contracts.MetricPoint> OperationsMetrics { get; init; } = [];

    /// <summary>The tenant's ad campaigns with their current figures (the auto-action review pack).</summary>
    public IReadOnlyList<SelfImprovement.Contracts.Campaign> Campaigns { get; init; } = [];

    /// <summary>Operator feedback on drafted responses (§4.7) of the 30 days before the window's end, oldest first.</summary>
    public IReadOnlyList<FeedbackFact> Feedback { get; init; } = [];

    /// <summary>The product loop's engineering issues opened from 7 days before the window's start to its end (§17.2).</summary>
    public IReadOnlyList<EngineerTaskFact> EngineerTasks { get; init; } = [];
}
