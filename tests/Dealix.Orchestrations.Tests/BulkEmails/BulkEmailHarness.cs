using System.Collections.Concurrent;
using Dealix.Orchestrations.BulkEmails;
using Dealix.Orchestrations.BulkEmails.Contracts;
using Dealix.Orchestrations.BulkEmails.Ports;
using Dealix.Orchestrations.BulkEmails.Rules;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Outreach;
using Dealix.Orchestrations.Outreach.Ports;
using Dealix.Orchestrations.SelfImprovement;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Ports;
using Dealix.Orchestrations.Tests.Deals;
using Dealix.Orchestrations.Tests.Outreach;
using Dealix.Runtime.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Orchestrations.Tests.BulkEmails;

/// <summary>
/// The bulk e-mail on the virtual clock: the real bulk workflow, loop approval and their activities, stateful in-memory
/// stores (drafts, ledger, suppression, prospects, send log, bulk e-mails), the outreach tests' recording sender (it
/// claims the draft like the outbox sender: a second send of the same draft is <c>skipped</c>), a Moq'ed kill switch.
/// </summary>
public sealed class BulkEmailHarness : IAsyncDisposable
{
    public const string Tenant = OutreachHarness.Tenant;

    /// <summary>Sunday 2026-12-06 10:00 AST: inside the first-touch window.</summary>
    public static readonly DateTimeOffset SundayMorning = new(2026, 12, 6, 7, 0, 0, TimeSpan.Zero);

    private BulkEmailHarness(DurableTaskTestHost host, InMemoryDealStores stores, InMemoryOutreachStores outreach, InMemoryBulkEmailStore bulks, RecordingSender sender,
        ConcurrentQueue<OperatorAlert> alerts)
    {
        Host = host;
        Stores = stores;
        Outreach = outreach;
        Bulks = bulks;
        Sender = sender;
        Alerts = alerts;
    }

    public DurableTaskTestHost Host { get; }

    public InMemoryDealStores Stores { get; }

    public InMemoryOutreachStores Outreach { get; }

    public InMemoryBulkEmailStore Bulks { get; }

    public RecordingSender Sender { get; }

    public ConcurrentQueue<OperatorAlert> Alerts { get; }

    public bool Paused { get; set; }

    public static async Task<BulkEmailHarness> StartAsync(DateTimeOffset? start = null)
    {
        var clock = new FakeTimeProvider(start ?? SundayMorning);
        var stores = new InMemoryDealStores();
        var outreach = new InMemoryOutreachStores();
        var bulks = new InMemoryBulkEmailStore();
        var sender = new RecordingSender(stores, clock);
        var alerts = new ConcurrentQueue<OperatorAlert>();
        BulkEmailHarness? harness = null;
        var killSwitch = new Mock<IKillSwitch>();
        killSwitch.Setup(k => k.IsPausedAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => harness!.Paused);
        var settings = new Mock<IDealSettings>();
        settings.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(DealSettings.Off);
        DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(clock,
            tasks => tasks.AddDeals().AddOutreach().AddSelfImprovement().AddBulkEmails()
                .AddActivityFunc<OperatorAlert, bool>(OperatorAlertActivities.Send, (_, alert) => { alerts.Enqueue(alert); return true; }),
            services => services
                .AddSingleton<IDealStageRules>(DealTransitionTable.Instance)
                .AddSingleton<IDraftStore>(stores)
                .AddSingleton<IAuditLedger>(stores)
                .AddSingleton<ISuppressionList>(stores)
                .AddSingleton<IEvidencePackStore>(stores)
                .AddSingleton<IProspectStore>(outreach)
                .AddSingleton<ISendLog>(outreach)
                .AddSingleton<IBulkEmailStore>(bulks)
                .AddSingleton<IDraftSender>(sender)
                .AddSingleton(_ => new Mock<ICampaignStore>().Object)
                .AddSingleton(_ => new Mock<IReplyClassifier>().Object)
                .AddSingleton(_ => new Mock<IOutbox>().Object)
                .AddSingleton(_ => new Mock<IOperatorNotifier>().Object)
                .AddSingleton(_ => killSwitch.Object)
                .AddSingleton(_ => settings.Object));
        harness = new BulkEmailHarness(host, stores, outreach, bulks, sender, alerts);
        return harness;
    }

    /// <summary>Imports clean prospects <c>p0…p{n-1}</c>.</summary>
    public Task AddProspectsAsync(int count) =>
        Outreach.UpsertAsync(Tenant, [.. Enumerable.Range(0, count).Select(i => OutreachHarness.Prospect($"p{i}"))]);

    /// <summary>Stores a bulk e-mail to <paramref name="recipients"/> (all queued) and starts its workflow, as the route does.</summary>
    public async Task<string> RequestAsync(IReadOnlyList<string> recipients, string requestId = "r1")
    {
        string bulkId = BulkEmailRules.BulkId(Tenant, requestId);
        DateTime now = Host.Clock.GetUtcNow().UtcDateTime;
        Verdict verdict = BulkEmailRules.Guard(Tenant, bulkId, "corr-bulk", recipients.Count, Subject, Body);
        await Bulks.CreateAsync(new BulkEmail
        {
            TenantId = Tenant,
            BulkId = bulkId,
            RequestId = requestId,
            Subject = Subject,
            Body = Body,
            CorrelationId = "corr-bulk",
            CreatedAt = now,
            Status = BulkEmailStatus.PendingApproval,
            ApprovalId = BulkEmailRules.ApprovalId(bulkId),
            VerdictCode = verdict.Code,
            VerdictReason = verdict.Reason,
            Recipients = recipients.Count,
            Excluded = 0,
            ContentHash = "h",
        }, [.. recipients.Select(p => new BulkRecipient(Tenant, bulkId, p, BulkRecipient.Queued))]);
        await Host.Client.ScheduleNewOrchestrationInstanceAsync(BulkEmailOrchestrator.Name,
            new BulkEmailInput(Tenant, bulkId, BulkEmailRules.ApprovalId(bulkId), "corr-bulk", now, "summary"),
            new Microsoft.DurableTask.StartOrchestrationOptions(BulkEmailRules.InstanceId(Tenant, bulkId)));
        await Host.WaitForIdleAsync();
        return bulkId;
    }

    /// <summary>Decides the bulk's approval as the approval center does: the draft first, then the waiting approval instance.</summary>
    public async Task DecideAsync(string bulkId, bool approve)
    {
        string approvalId = BulkEmailRules.ApprovalId(bulkId);
        DraftUpdate update = await Stores.TransitionAsync(Tenant, approvalId, [DraftStatus.PendingApproval], approve ? DraftStatus.Approved : DraftStatus.Rejected,
            new DraftChange("founder-1", Host.Clock.GetUtcNow().UtcDateTime, approve ? "ok" : "off_brand"));
        Assert.True(update.Applied);
        await Host.Client.RaiseEventAsync(DealKeys.ApprovalInstanceId(Tenant, approvalId), DealEvents.DraftDecided,
            new DraftDecision(approvalId, approve ? DraftDecisionKind.Approved : DraftDecisionKind.Rejected, "founder-1", CorrelationId: "corr-bulk"));
        await Host.WaitForIdleAsync();
    }

    public const string Subject = "Dealix: متابعة منظمة لعملائكم";

    public static string Body => "هلا، Dealix يساعد فريقكم يتابع الاستفسارات بسرعة وبموافقتكم قبل أي رسالة. " + OutreachRules();

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private static string OutreachRules() => Dealix.Orchestrations.Outreach.Rules.OutreachRules.OptOutLineArabic;
}

/// <summary>The bulk e-mail tables in memory.</summary>
public sealed class InMemoryBulkEmailStore : IBulkEmailStore
{
    private readonly ConcurrentDictionary<(string, string), BulkEmail> _bulks = new();
    private readonly ConcurrentDictionary<(string, string, string), BulkRecipient> _rows = new();

    public BulkEmail this[string tenantId, string bulkId] => _bulks[(tenantId, bulkId)];

    public Task CreateAsync(BulkEmail bulk, IReadOnlyList<BulkRecipient> recipients, CancellationToken cancellationToken = default)
    {
        foreach (BulkRecipient r in recipients)
        {
            _rows[(r.TenantId, r.BulkId, r.ProspectId)] = r;
        }

        _bulks.TryAdd((bulk.TenantId, bulk.BulkId), bulk);
        return Task.CompletedTask;
    }

    public Task<BulkEmail?> GetAsync(string tenantId, string bulkId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_bulks.TryGetValue((tenantId, bulkId), out BulkEmail? b) ? b : null);

    public Task SetStatusAsync(BulkStatusChange change, CancellationToken cancellationToken = default)
    {
        if (_bulks.TryGetValue((change.TenantId, change.BulkId), out BulkEmail? current) && !BulkEmailStatus.IsFinal(current.Status))
        {
            _bulks[(change.TenantId, change.BulkId)] = current with
            {
                Status = change.Status,
                DecidedBy = current.DecidedBy ?? change.DecidedBy,
                DecidedAt = current.DecidedAt ?? (change.DecidedBy is not null ? change.At : null),
                NextSendAt = change.NextSendAt,
                CompletedAt = BulkEmailStatus.IsFinal(change.Status) ? change.At : null,
            };
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<BulkRecipient>> ListRecipientsAsync(string tenantId, string bulkId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BulkRecipient>>([.. _rows.Values.Where(r => r.TenantId == tenantId && r.BulkId == bulkId).OrderBy(r => r.ProspectId, StringComparer.Ordinal)]);

    public Task<IReadOnlyList<string>> ListQueuedAsync(string tenantId, string bulkId, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. _rows.Values.Where(r => r.TenantId == tenantId && r.BulkId == bulkId && r.Status == BulkRecipient.Queued)
            .Select(r => r.ProspectId).Order(StringComparer.Ordinal).Take(max)]);

    public Task<BulkRecipient?> GetRecipientAsync(string tenantId, string bulkId, string prospectId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.TryGetValue((tenantId, bulkId, prospectId), out BulkRecipient? r) ? r : null);

    public Task SetRecipientAsync(BulkRecipient recipient, CancellationToken cancellationToken = default)
    {
        _rows[(recipient.TenantId, recipient.BulkId, recipient.ProspectId)] = recipient;
        return Task.CompletedTask;
    }
}
