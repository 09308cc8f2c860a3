using System.Collections.Concurrent;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Ports;
using Dealix.Orchestrations.Scheduling;
using Dealix.Orchestrations.Scheduling.Ports;
using Dealix.Orchestrations.Tests.Deals;
using Dealix.Runtime.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Orchestrations.Tests.Outreach;

/// <summary>
/// The outreach workflows on the virtual clock: the real orchestrators and activities of the deal, outreach and
/// scheduling areas, stateful in-memory stores, a recording sender (it moves a draft to <c>sent</c> like the outbox
/// sender would) and Moq'ed kill switch, settings and notifier.
/// </summary>
public sealed class OutreachHarness : IAsyncDisposable
{
    public const string Tenant = "acme";

    /// <summary>Sunday 2026-11-22 06:30 AST.</summary>
    public static readonly DateTimeOffset SundayPipelineTime = new(2026, 11, 22, 3, 30, 0, TimeSpan.Zero);

    private OutreachHarness(DurableTaskTestHost host, InMemoryDealStores stores, InMemoryOutreachStores outreach, RecordingSender sender)
    {
        Host = host;
        Stores = stores;
        Outreach = outreach;
        Sender = sender;
    }

    public DurableTaskTestHost Host { get; }

    public InMemoryDealStores Stores { get; }

    public InMemoryOutreachStores Outreach { get; }

    public RecordingSender Sender { get; }

    public bool Paused { get; set; }

    public static async Task<OutreachHarness> StartAsync(DateTimeOffset? start = null)
    {
        var clock = new FakeTimeProvider(start ?? SundayPipelineTime);
        var stores = new InMemoryDealStores();
        var outreach = new InMemoryOutreachStores();
        var sender = new RecordingSender(stores, clock);
        OutreachHarness? harness = null;
        var killSwitch = new Mock<IKillSwitch>();
        killSwitch.Setup(k => k.IsPausedAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => harness!.Paused);
        var settings = new Mock<IDealSettings>();
        settings.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(DealSettings.Off);
        var notifier = new Mock<IOperatorNotifier>();
        notifier.Setup(n => n.NotifyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<ApprovalStepKind>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);
        DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(clock,
            tasks => tasks.AddDeals().AddOutreach().AddScheduling(),
            services => services
                .AddSingleton<IDealStageRules>(DealTransitionTable.Instance)
                .AddSingleton<IDraftStore>(stores)
                .AddSingleton<IAuditLedger>(stores)
                .AddSingleton<ISuppressionList>(stores)
                .AddSingleton<IEvidencePackStore>(stores)
                .AddSingleton<IProspectStore>(outreach)
                .AddSingleton<ISendLog>(outreach)
                .AddSingleton<ITenantDirectory>(outreach)
                .AddSingleton<IDraftSender>(sender)
                .AddSingleton(_ => new Mock<IReplyClassifier>().Object)
                .AddSingleton(_ => new Mock<IOutbox>().Object)
                .AddSingleton(_ => notifier.Object)
                .AddSingleton(_ => killSwitch.Object)
                .AddSingleton(_ => settings.Object));
        harness = new OutreachHarness(host, stores, outreach, sender);
        return harness;
    }

    /// <summary>A clean prospect (allowed, safe) in <paramref name="sector"/>.</summary>
    public static Prospect Prospect(string id, string sector = "real_estate", int fit = 20, string? email = null) => new()
    {
        TenantId = Tenant,
        ProspectId = id,
        CompanyName = "شركة " + id,
        Sector = sector,
        City = "Riyadh",
        ContactName = "فهد",
        RoleOrTitle = "مدير المبيعات",
        Email = email ?? $"{id}@company-{id}.sa",
        Source = "customer_upload",
        SourceRecordedAt = SundayPipelineTime.UtcDateTime.AddMonths(-1),
        SectorFit = fit,
        SignalStrength = 10,
        SizeFit = 10,
        LastSignalAt = SundayPipelineTime.UtcDateTime.AddDays(-2),
    };

    /// <summary>Approves a draft as the approval center does: the store first, then the waiting approval.</summary>
    public async Task ApproveAsync(string draftId)
    {
        DraftUpdate update = await Stores.TransitionAsync(Tenant, draftId, [DraftStatus.PendingApproval], DraftStatus.Approved,
            new DraftChange("op-1", Host.Clock.GetUtcNow().UtcDateTime, "ok"));
        Assert.True(update.Applied);
        await Host.Client.RaiseEventAsync(DealKeys.ApprovalInstanceId(Tenant, draftId), DealEvents.DraftDecided,
            new DraftDecision(draftId, DraftDecisionKind.Approved, "op-1", CorrelationId: update.Draft!.CorrelationId));
        await Host.WaitForIdleAsync();
    }

    /// <summary>An approved draft straight in the store (for batch tests).</summary>
    public Task AddApprovedAsync(string draftId, MessageChannel channel, DraftKind kind = DraftKind.FirstTouch) => Stores.CreateAsync(new ReplyDraft
    {
        DraftId = draftId,
        TenantId = Tenant,
        DealInstanceId = "deal:acme:" + draftId,
        ContactId = "c-" + draftId,
        Channel = channel,
        To = channel == MessageChannel.Email ? $"{draftId}@company.sa" : "966511111111",
        Text = "نص",
        Kind = kind,
        Category = "first_touch",
        Stage = DealStage.NewLead,
        Status = DraftStatus.Approved,
        CorrelationId = "corr-" + draftId,
        CreatedAt = Host.Clock.GetUtcNow().UtcDateTime,
        DecidedAt = Host.Clock.GetUtcNow().UtcDateTime,
    });

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>In-memory prospects, send log and tenant directory.</summary>
public sealed class InMemoryOutreachStores : IProspectStore, ISendLog, ITenantDirectory
{
    private readonly ConcurrentDictionary<(string, string), Prospect> _prospects = new();
    private readonly ConcurrentDictionary<(string, MessageChannel, DateOnly, string), bool> _sent = new();

    public List<string> Tenants { get; } = [OutreachHarness.Tenant];

    public Task UpsertAsync(string tenantId, IReadOnlyList<Prospect> prospects, CancellationToken cancellationToken = default)
    {
        foreach (Prospect p in prospects)
        {
            _prospects[(tenantId, p.ProspectId)] = p;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Prospect>> ListAsync(string tenantId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Prospect>>([.. _prospects.Values.Where(p => p.TenantId == tenantId).OrderBy(p => p.ProspectId, StringComparer.Ordinal)]);

    public Task<Prospect?> GetAsync(string tenantId, string prospectId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_prospects.TryGetValue((tenantId, prospectId), out Prospect? p) ? p : null);

    public Task MarkContactedAsync(string tenantId, string prospectId, DateTime at, CancellationToken cancellationToken = default)
    {
        _prospects.AddOrUpdate((tenantId, prospectId), _ => throw new InvalidOperationException("unknown prospect"), (_, p) => p with { LastContactedAt = at });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListTenantsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<string>>(Tenants);

    public Task RecordAsync(string tenantId, MessageChannel channel, DateOnly astDay, string draftId, CancellationToken cancellationToken = default)
    {
        _sent[(tenantId, channel, astDay, draftId)] = true;
        return Task.CompletedTask;
    }

    public Task<int> CountAsync(string tenantId, MessageChannel channel, DateOnly astDay, CancellationToken cancellationToken = default) =>
        Task.FromResult(_sent.Keys.Count(k => k.Item1 == tenantId && k.Item2 == channel && k.Item3 == astDay));

    Task<IReadOnlyList<string>> ITenantDirectory.ListAsync(string job, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>(Tenants);
}

/// <summary>Records every send with the virtual time and moves the draft to <c>sent</c>, as the outbox sender would.</summary>
public sealed class RecordingSender(InMemoryDealStores stores, TimeProvider clock) : IDraftSender
{
    public ConcurrentQueue<(string DraftId, MessageChannel Channel, DateTime At)> Sends { get; } = new();

    public async Task<string> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        bool manual = message.Channel == MessageChannel.LinkedIn;
        DraftUpdate update = await stores.TransitionAsync(message.TenantId, message.DraftId, [DraftStatus.Approved],
            manual ? DraftStatus.ManualRequired : DraftStatus.Sent, new DraftChange(), cancellationToken);
        if (!update.Applied)
        {
            return "skipped";
        }

        if (manual)
        {
            return "manual_required";
        }

        Sends.Enqueue((message.DraftId, message.Channel, clock.GetUtcNow().UtcDateTime));
        return "sent";
    }
}
