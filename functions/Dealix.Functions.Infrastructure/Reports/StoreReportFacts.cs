using Dealix.Functions.Infrastructure.OperatorConsole;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Ports;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Incidents.Ports;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Ports;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;
using Dealix.Orchestrations.Tasks.Ports;
using Dealix.Orchestrations.Tasks.Rules;

namespace Dealix.Functions.Infrastructure.Reports;

/// <summary>
/// Reads a tenant's report facts from the app's stores: the drafts pending now plus those created since fifteen days
/// before the window (the longest approval SLA is under a week, so every draft decided in the window, or in the week
/// before it that the weekly trend report compares with, is seen), the
/// tickets and their SLA log, the ledger up to the window's end, the incidents, the customer-success customers with
/// their latest scores and scheduled touchpoints, the open human tasks, the operations metrics of the 35 days to the
/// window's end, the ad campaigns, and the operator feedback and product-loop issues of <see cref="LoopReportFacts"/>.
/// Bounded reads: enough for any one tenant's week; the bounds are constants here.
/// </summary>
public sealed class StoreReportFacts(
    IDraftStore drafts,
    ITicketStore tickets,
    ISlaLogStore slaLog,
    IAuditLedger ledger,
    IIncidentStore incidents,
    ICustomerSuccessStore customerSuccess,
    IHumanTaskStore tasks,
    Orchestrations.OperationsLoop.Ports.IOperationsStore operations,
    Orchestrations.SelfImprovement.Ports.ICampaignStore campaigns,
    TableDraftFeedback feedback,
    IMarketingReportFacts? marketing = null) : IReportFactsSource
{
    private const int MaxDrafts = 5000;
    private const int MaxTickets = 2000;
    private const int MaxTasks = 1000;
    private static readonly TimeSpan DraftLookBack = TimeSpan.FromDays(15); // the week before too (the weekly trend report)
    private static readonly TimeSpan MarketingWindow = TimeSpan.FromDays(8);

    public async Task<ReportFacts> ReadAsync(string tenant, ReportWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        IReadOnlyList<DraftFact> draftFacts = await ReadDraftsAsync(tenant, window, cancellationToken);
        IReadOnlyList<SupportTicket> ticketRows = await tickets.ListAsync(tenant, null, MaxTickets, cancellationToken);
        IReadOnlyList<IReadOnlyList<Orchestrations.Sla.Contracts.SlaEvent>> log = await slaLog.ReadTenantAsync(tenant, cancellationToken);
        IReadOnlyList<AuditEntry> lines = await ledger.ListAsync(tenant, cancellationToken: cancellationToken);
        var incidentRows = await incidents.ListAsync(tenant, 200, cancellationToken);

        var customers = new List<CustomerFact>();
        var followUps = new List<FollowUpFact>();
        foreach (CsCustomer customer in (await customerSuccess.ListCustomersAsync(cancellationToken)).Where(c => c.Tenant == tenant))
        {
            CsScore? score = await customerSuccess.GetLatestScoreAsync(tenant, customer.CustomerId, cancellationToken);
            customers.Add(new CustomerFact(customer.CustomerId, customer.Bundle, customer.StartedAt, score?.Risk.RiskScore, score?.Risk.Severity, score?.Health.Score));
            followUps.AddRange((await customerSuccess.ListTouchpointsAsync(tenant, customer.CustomerId, cancellationToken))
                .Where(t => t.Status == "scheduled")
                .Select(t => new FollowUpFact("cs", t.Key, t.Item, "csm", t.DueAt, customer.CustomerId)));
        }

        foreach (string status in new[] { HumanTaskValues.Open, HumanTaskValues.Claimed })
        {
            string? token = null;
            do
            {
                HumanTaskPage page = await tasks.ListAsync(tenant, new HumanTaskQuery(Status: status, PageSize: 200, ContinuationToken: token), cancellationToken);
                followUps.AddRange(page.Items.Select(t => new FollowUpFact("task", t.TaskId, t.Title, t.OwnerRole, t.DueAt, t.SubjectId)));
                token = page.ContinuationToken;
            }
            while (token is not null && followUps.Count < MaxTasks);
        }

        DateOnly end = DateOnly.FromDateTime(window.End.AddHours(3));
        return new ReportFacts(
            draftFacts,
            [.. ticketRows.Select(t => new TicketFact(t.TicketId, t.Priority, t.Status, t.OpenedAt, t.FirstResponseAt, t.ResolvedAt, t.MatchedKeywords))],
            log,
            [.. lines.Where(e => e.At < window.End)],
            [.. incidentRows.Select(i => new IncidentFact(i.IncidentId, i.Severity, i.Phase, i.DetectedAt, i.ResolvedAt, i.Frozen && i.UnfrozenAt is null))],
            customers,
            followUps)
        {
            OperationsMetrics = await operations.ListMetricsAsync(tenant, end.AddDays(-35), end, cancellationToken),
            Campaigns = await campaigns.ListAsync(tenant, cancellationToken),
            Feedback = await LoopReportFacts.FeedbackAsync(feedback, tenant, window, cancellationToken),
            EngineerTasks = await LoopReportFacts.EngineerTasksAsync(tasks, tenant, window, cancellationToken),
            // Only the monthly kind (competitive analysis) spans more than a week; the others never read these stores.
            Marketing = marketing is not null && window.End - window.Start > MarketingWindow ? await marketing.ReadAsync(tenant, window, cancellationToken) : null,
        };
    }

    private async Task<IReadOnlyList<DraftFact>> ReadDraftsAsync(string tenant, ReportWindow window, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, DraftFact>(StringComparer.Ordinal);
        DateTime since = window.Start - DraftLookBack;
        string? token = null;
        do
        {
            // Newest first: stop at the first page that reaches back past the look-back.
            DraftPage page = await drafts.ListAsync(tenant, new DraftQuery(PageSize: 200, ContinuationToken: token), cancellationToken);
            foreach (ReplyDraft d in page.Items.Where(d => d.CreatedAt >= since))
            {
                found[d.DraftId] = Fact(d);
            }

            token = page.Items.Count > 0 && page.Items.Min(d => d.CreatedAt) < since ? null : page.ContinuationToken;
        }
        while (token is not null && found.Count < MaxDrafts);

        token = null;
        do
        {
            DraftPage page = await drafts.ListAsync(tenant, new DraftQuery(Status: DraftStatus.PendingApproval, PageSize: 200, ContinuationToken: token), cancellationToken);
            foreach (ReplyDraft d in page.Items)
            {
                found[d.DraftId] = Fact(d);
            }

            token = page.ContinuationToken;
        }
        while (token is not null && found.Count < MaxDrafts);

        return [.. found.Values.OrderBy(d => d.CreatedAt).ThenBy(d => d.DraftId, StringComparer.Ordinal)];
    }

    private static DraftFact Fact(ReplyDraft d) => new(d.DraftId, d.Channel, d.Kind, d.Status, d.Stage, d.CreatedAt, d.ExpiresAt, d.DecidedAt, d.AutoApproved, d.Category);
}
