using System.Text.Json;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Connectors;
using Dealix.Orchestrations.Deals.Connectors.Contracts;
using Dealix.Orchestrations.Deals.Connectors.Ports;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Onboarding;
using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Onboarding.Ports;
using Dealix.Orchestrations.Onboarding.Rules;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tests.Onboarding;
using Dealix.Runtime.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Orchestrations.Tests.Deals.Connectors;

/// <summary>
/// A deal with connector actions on the virtual clock: the real deal, approval, connector-action and onboarding
/// orchestrators and activities, in-memory stores (drafts, ledger, the tenant's connectors), a Moq'ed provider gateway,
/// and recording stand-ins for the human-task and operator-alert activities (other areas' ports).
/// </summary>
public sealed class DealConnectorHarness : IAsyncDisposable
{
    public const string Tenant = DealHarness.Tenant;

    private readonly List<HumanTaskRequest> _tasks = [];
    private readonly List<OperatorAlert> _alerts = [];
    private readonly List<OutboundMessage> _queued = [];

    private DealConnectorHarness(DurableTaskTestHost host, InMemoryDealStores stores, InMemoryConnectorStore connectors, Mock<IDealConnectorGateway> gateway)
    {
        Host = host;
        Stores = stores;
        Connectors = connectors;
        Gateway = gateway;
    }

    public DurableTaskTestHost Host { get; }

    public InMemoryDealStores Stores { get; }

    public InMemoryConnectorStore Connectors { get; }

    public Mock<IDealConnectorGateway> Gateway { get; }

    public IReadOnlyList<HumanTaskRequest> Tasks { get { lock (_tasks) { return [.. _tasks]; } } }

    public IReadOnlyList<OperatorAlert> Alerts { get { lock (_alerts) { return [.. _alerts]; } } }

    public IReadOnlyList<OutboundMessage> Queued { get { lock (_queued) { return [.. _queued]; } } }

    public static string DealId => DealHarness.DealId;

    public static async Task<DealConnectorHarness> StartAsync(bool liveExecute = true)
    {
        var clock = new FakeTimeProvider(DealHarness.SundayMorning);
        var stores = new InMemoryDealStores();
        var connectors = new InMemoryConnectorStore();
        var gateway = new Mock<IDealConnectorGateway>();
        gateway.SetupGet(g => g.LiveExecute).Returns(liveExecute);
        gateway.Setup(g => g.InsertCalendarEventAsync(It.IsAny<CalendarEventRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync((CalendarEventRequest r, CancellationToken _) => r.EventId);
        gateway.Setup(g => g.UpsertCrmDealAsync(It.IsAny<CrmDealUpsert>(), It.IsAny<CancellationToken>())).ReturnsAsync("crm-1");
        var starter = new ClientStarter();
        var classifier = new Mock<IReplyClassifier>();
        classifier.Setup(c => c.ClassifyAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((string text, CancellationToken _) => DealHarness.Classify(text));
        var settings = new Mock<IDealSettings>();
        settings.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(DealSettings.Off);
        var outbox = new Mock<IOutbox>();
        DealConnectorHarness? harness = null;
        outbox.Setup(o => o.EnqueueAsync(It.IsAny<OutboundMessage>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .Callback((OutboundMessage m, TimeSpan? _, CancellationToken _) => { lock (harness!._queued) { harness._queued.Add(m); } })
            .Returns(Task.CompletedTask);
        DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(clock,
            tasks => tasks.AddDeals().AddOnboarding()
                .AddActivityFunc<HumanTaskRequest, bool>(HumanTaskActivities.Create, (_, request) => Record(harness!._tasks, request))
                .AddActivityFunc<OperatorAlert, bool>(OperatorAlertActivities.Send, (_, alert) => Record(harness!._alerts, alert)),
            services => services
                .AddSingleton<IDealStageRules>(DealTransitionTable.Instance)
                .AddSingleton<IDraftStore>(stores)
                .AddSingleton<IAuditLedger>(stores)
                .AddSingleton<ISuppressionList>(stores)
                .AddSingleton<IEvidencePackStore>(stores)
                .AddSingleton<IConnectorStore>(connectors)
                .AddSingleton<IOrchestrationStarter>(starter)
                .AddSingleton(_ => gateway.Object)
                .AddSingleton(_ => classifier.Object)
                .AddSingleton(_ => new Mock<IKillSwitch>().Object)
                .AddSingleton(_ => settings.Object)
                .AddSingleton(_ => outbox.Object)
                .AddSingleton(_ => new Mock<IOperatorNotifier>().Object));
        starter.Client = host.Client;
        harness = new DealConnectorHarness(host, stores, connectors, gateway);
        return harness;
    }

    /// <summary>Connects one of the tenant's own connectors the way an operator does (configuring, then its passed
    /// acceptance test), and raises it to <c>connected_approved_execute</c> with a founder approval when asked.</summary>
    public async Task ConnectAsync(string connectorId, bool approvedExecute = false)
    {
        DateTime now = Host.Clock.GetUtcNow().UtcDateTime;
        string customer = DealConnectorActions.ConnectorsCustomerId(Tenant);
        Assert.True((await ConnectorChanges.ApplyAsync(Connectors, new ConnectorUpdate(Tenant, customer, connectorId, "configuring", "op-1", "corr-c"), now)).Applied);
        ConnectorUpdateResult connected = await ConnectorChanges.ApplyAsync(Connectors, new ConnectorUpdate(Tenant, customer, connectorId, OnboardingRules.LandingState(connectorId)!,
            "op-1", "corr-c", Acceptance: new AcceptanceReport(ConnectorMachine.AcceptanceChecks(connectorId)[0], true)), now);
        Assert.True(connected.Applied, connected.Detail);
        if (approvedExecute && connected.Record!.State != "connected_approved_execute")
        {
            ConnectorUpdateResult raised = await ConnectorChanges.ApplyAsync(Connectors, new ConnectorUpdate(Tenant, customer, connectorId, "connected_approved_execute",
                "founder", "corr-c", Acceptance: new AcceptanceReport(ConnectorMachine.AcceptanceChecks(connectorId)[0], true), FounderApproval: "appr-founder"), now);
            Assert.True(raised.Applied, raised.Detail);
        }
    }

    /// <summary>What the webhook does for a new contact: start a deal (with connector actions) on its first message.</summary>
    public async Task StartDealAsync(string text, string messageId = "wamid.1")
    {
        var message = new InboundMessage(Tenant, DealHarness.ContactId, MessageChannel.WhatsApp, messageId, DealHarness.Phone, text, Host.Clock.GetUtcNow().UtcDateTime, $"corr-{messageId}");
        await Host.Client.ScheduleNewOrchestrationInstanceAsync(DealLifecycleOrchestrator.Name, new DealState
        {
            TenantId = Tenant,
            ContactId = DealHarness.ContactId,
            Channel = MessageChannel.WhatsApp,
            Address = DealHarness.Phone,
            FirstMessage = message,
            ConnectorActions = true,
        }, new StartOrchestrationOptions(DealId));
        await SettleAsync();
    }

    public async Task StageEventAsync(string name, DateTime? meetingAt = null, string actor = "op-1")
    {
        await Host.Client.RaiseEventAsync(DealId, DealEvents.StageEventRaised, new DealStageEvent(name, actor, $"corr-{name}", MeetingAt: meetingAt));
        await SettleAsync();
    }

    public async Task PaymentAsync(PaymentReceived payment)
    {
        await Host.Client.RaiseEventAsync(DealId, DealEvents.PaymentReceived, payment);
        await SettleAsync();
    }

    /// <summary>The pending approvals of one category (a connector action, or a deal draft).</summary>
    public IReadOnlyList<ReplyDraft> Pending(string category) =>
        [.. Stores.Drafts.Where(d => d.Category == category && d.Status == DraftStatus.PendingApproval)];

    /// <summary>What the approval center does: record the decision, then raise it to the draft's approval instance.</summary>
    public async Task DecideAsync(ReplyDraft draft, DraftDecisionKind decision, string reviewer = "op-1")
    {
        DraftStatus to = decision == DraftDecisionKind.Approved ? DraftStatus.Approved : DraftStatus.Rejected;
        Assert.True((await Stores.TransitionAsync(Tenant, draft.DraftId, [DraftStatus.PendingApproval], to, new DraftChange(reviewer, Host.Clock.GetUtcNow().UtcDateTime, "ok"))).Applied);
        await Host.Client.RaiseEventAsync(DealKeys.ApprovalInstanceId(Tenant, draft.DraftId), DealEvents.DraftDecided,
            new DraftDecision(draft.DraftId, decision, reviewer, decision == DraftDecisionKind.Rejected ? "wrong_timing" : null, CorrelationId: draft.CorrelationId));
        await SettleAsync();
    }

    public async Task<ConnectorActionResult?> ResultAsync(ReplyDraft draft) =>
        await Host.GetOutputAsync<ConnectorActionResult>(DealKeys.ApprovalInstanceId(Tenant, draft.DraftId));

    public async Task<DealStatus> StatusAsync() => (await Host.GetInstanceAsync(DealId)).ReadCustomStatusAs<DealStatus>()!;

    /// <summary>Lets the hub go idle and fails the test with the reason if any instance failed.</summary>
    public async Task SettleAsync()
    {
        await Host.WaitForIdleAsync();
        await foreach (OrchestrationMetadata instance in Host.Client.GetAllInstancesAsync(new OrchestrationQuery { FetchInputsAndOutputs = false }))
        {
            if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed)
            {
                throw new InvalidOperationException($"{instance.InstanceId} ({instance.Name}) failed: {instance.FailureDetails}");
            }
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private static bool Record<T>(List<T> list, T item)
    {
        lock (list)
        {
            if (!list.Contains(item))
            {
                list.Add(item);
            }
        }

        return true;
    }

    private sealed class ClientStarter : IOrchestrationStarter
    {
        public DurableTaskClient Client { get; set; } = null!;

        public async Task<bool> StartOnceAsync(string orchestrator, string instanceId, JsonElement input, CancellationToken cancellationToken = default)
        {
            if (await Client.GetInstanceAsync(instanceId, cancellationToken) is not null)
            {
                return false;
            }

            await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId), cancellationToken);
            return true;
        }
    }
}
