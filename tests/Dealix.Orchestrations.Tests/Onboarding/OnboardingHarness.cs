using System.Text.Json;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Onboarding;
using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Onboarding.Ports;
using Dealix.Orchestrations.Onboarding.Rules;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tests.Deals;
using Dealix.Runtime.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Orchestrations.Tests.Onboarding;

/// <summary>
/// An onboarding on the virtual clock: the real onboarding, approval and deal orchestrators and activities, stateful
/// in-memory stores, and recording stand-ins for the human-task and operator-alert activities (other areas' ports) and
/// for the customer-success cadence (started by name, records its input).
/// </summary>
public sealed class OnboardingHarness : IAsyncDisposable
{
    public const string Tenant = "acme";
    public const string Customer = "cust-1";

    /// <summary>Sunday 2026-11-22 09:00 AST: business day 1.</summary>
    public static readonly DateTimeOffset SundayMorning = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    private OnboardingHarness(DurableTaskTestHost host, InMemoryDealStores stores, InMemoryConnectorStore connectors, Recorder recorder)
    {
        Host = host;
        Stores = stores;
        Connectors = connectors;
        _recorder = recorder;
    }

    private readonly Recorder _recorder;

    public DurableTaskTestHost Host { get; }

    public InMemoryDealStores Stores { get; }

    public InMemoryConnectorStore Connectors { get; }

    public IReadOnlyList<HumanTaskRequest> Tasks => _recorder.Snapshot(_recorder.Tasks);

    public IReadOnlyList<OperatorAlert> Alerts => _recorder.Snapshot(_recorder.Alerts);

    public IReadOnlyList<JsonElement> CadenceStarts => _recorder.Snapshot(_recorder.Cadences);

    public static string InstanceId => OnboardingKeys.InstanceId(Tenant, Customer);

    public static async Task<OnboardingHarness> StartAsync(DateTimeOffset? start = null)
    {
        var clock = new FakeTimeProvider(start ?? SundayMorning);
        var stores = new InMemoryDealStores();
        var connectors = new InMemoryConnectorStore();
        var recorder = new Recorder();
        var starter = new ClientStarter();
        var classifier = new Mock<IReplyClassifier>();
        classifier.Setup(c => c.ClassifyAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string text, CancellationToken _) => DealHarness.Classify(text));
        var killSwitch = new Mock<IKillSwitch>();
        var settings = new Mock<IDealSettings>();
        settings.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(DealSettings.Off);
        DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(clock,
            tasks => tasks.AddDeals().AddOnboarding()
                .AddActivityFunc<HumanTaskRequest, bool>(HumanTaskActivities.Create, (_, request) => recorder.Add(recorder.Tasks, request, r => r.TaskId))
                .AddActivityFunc<OperatorAlert, bool>(OperatorAlertActivities.Send, (_, alert) => recorder.Add(recorder.Alerts, alert, a => a.IdempotencyKey))
                .AddOrchestratorFunc<JsonElement, string>(OnboardingKeys.CustomerSuccessOrchestrator, (_, input) =>
                {
                    recorder.Add(recorder.Cadences, input, i => i.GetRawText());
                    return Task.FromResult("cadence");
                }),
            services => services
                .AddSingleton<IDealStageRules>(DealTransitionTable.Instance)
                .AddSingleton<IDraftStore>(stores)
                .AddSingleton<IAuditLedger>(stores)
                .AddSingleton<ISuppressionList>(stores)
                .AddSingleton<IEvidencePackStore>(stores)
                .AddSingleton<IConnectorStore>(connectors)
                .AddSingleton<IOrchestrationStarter>(starter)
                .AddSingleton(_ => classifier.Object)
                .AddSingleton(_ => killSwitch.Object)
                .AddSingleton(_ => settings.Object)
                .AddSingleton(_ => new Mock<IOutbox>().Object)
                .AddSingleton(_ => new Mock<IOperatorNotifier>().Object));
        starter.Client = host.Client;
        return new OnboardingHarness(host, stores, connectors, recorder);
    }

    /// <summary>What the operator route does: start the customer's onboarding.</summary>
    public async Task StartOnboardingAsync(string customer = Customer)
    {
        await Host.Client.ScheduleNewOrchestrationInstanceAsync(OnboardingOrchestrator.Name,
            new OnboardingInput(Tenant, customer, "op-1", "corr-onboarding"), new StartOrchestrationOptions(OnboardingKeys.InstanceId(Tenant, customer)));
        await EnsureNotFailedAsync();
    }

    /// <summary>What <c>update-step</c> does: hand a customer input to the step.</summary>
    public async Task InputAsync(string stepId, params (string Key, string Value)[] values)
    {
        await Host.Client.RaiseEventAsync(InstanceId, OnboardingEvents.StepInput(stepId),
            new StepInput(stepId, "customer-1", values.ToDictionary(v => v.Key, v => v.Value)));
        await EnsureNotFailedAsync();
    }

    /// <summary>What the approval center does, for the step's pending approval draft.</summary>
    public async Task DecideAsync(string stepId, DraftDecisionKind decision, string reviewer = "op-1")
    {
        ReplyDraft draft = Stores.Drafts.Last(d => d.Category == stepId && d.Kind == DraftKind.OnboardingStep && d.Status == DraftStatus.PendingApproval);
        DraftStatus to = decision == DraftDecisionKind.Approved ? DraftStatus.Approved : DraftStatus.Rejected;
        DraftUpdate update = await Stores.TransitionAsync(Tenant, draft.DraftId, [DraftStatus.PendingApproval], to, new DraftChange(reviewer, Host.Clock.GetUtcNow().UtcDateTime, "ok"));
        Assert.True(update.Applied);
        await Host.Client.RaiseEventAsync(DealKeys.ApprovalInstanceId(Tenant, draft.DraftId), DealEvents.DraftDecided,
            new DraftDecision(draft.DraftId, decision, reviewer, decision == DraftDecisionKind.Rejected ? "compliance" : null, CorrelationId: draft.CorrelationId));
        await EnsureNotFailedAsync();
    }

    /// <summary>What the task API does when the owner completes a task.</summary>
    public async Task CompleteTaskAsync(string step, string by = "op-1")
    {
        string taskId = $"{InstanceId}:{step}";
        Assert.Contains(Tasks, t => t.TaskId == taskId);
        await Host.Client.RaiseEventAsync(InstanceId, HumanTaskEvents.Completed(taskId), new HumanTaskOutcome(taskId, "completed", by, Host.Now));
        await EnsureNotFailedAsync();
    }

    /// <summary>What the connectors route does: apply a change, then wake the onboarding.</summary>
    public async Task<ConnectorUpdateResult> ConnectorAsync(string connectorId, string state, AcceptanceReport? acceptance = null)
    {
        ConnectorUpdateResult result = await ConnectorChanges.ApplyAsync(Connectors,
            new ConnectorUpdate(Tenant, Customer, connectorId, state, "op-1", "corr-c", Acceptance: acceptance), Host.Clock.GetUtcNow().UtcDateTime);
        if (result.Applied && await Host.Client.GetInstanceAsync(InstanceId) is { IsRunning: true })
        {
            await Host.Client.RaiseEventAsync(InstanceId, OnboardingEvents.ConnectorsChanged, connectorId);
        }

        await EnsureNotFailedAsync();
        return result;
    }

    /// <summary>Connects a connector the way an operator does: configuring, then its passed acceptance test.</summary>
    public async Task ConnectAsync(string connectorId)
    {
        Assert.True((await ConnectorAsync(connectorId, "configuring")).Applied);
        ConnectorUpdateResult connected = await ConnectorAsync(connectorId, OnboardingRules.LandingState(connectorId)!,
            new AcceptanceReport(ConnectorMachine.AcceptanceChecks(connectorId)[0], true));
        Assert.True(connected.Applied, connected.Detail);
    }

    public async Task<OnboardingStatus> StatusAsync(string customer = Customer)
    {
        OrchestrationMetadata instance = await Host.GetInstanceAsync(OnboardingKeys.InstanceId(Tenant, customer));
        return instance.ReadCustomStatusAs<OnboardingStatus>()!;
    }

    /// <summary>Advances the virtual clock to <paramref name="day"/> (1 = the start Sunday) at <paramref name="hourAst"/>.</summary>
    public Task AdvanceToAsync(int day, int hourAst) =>
        Host.AdvanceTimeAsync(SundayMorning.AddHours(-9 + hourAst).AddDays(day - 1) - Host.Now);

    public async Task EnsureNotFailedAsync()
    {
        OrchestrationMetadata? instance = await Host.Client.GetInstanceAsync(InstanceId, getInputsAndOutputs: true);
        await Host.WaitForIdleAsync();
        instance = await Host.Client.GetInstanceAsync(InstanceId, getInputsAndOutputs: true);
        if (instance?.RuntimeStatus == OrchestrationRuntimeStatus.Failed)
        {
            throw new InvalidOperationException($"The onboarding failed: {instance.FailureDetails}");
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private sealed class Recorder
    {
        public List<HumanTaskRequest> Tasks { get; } = [];

        public List<OperatorAlert> Alerts { get; } = [];

        public List<JsonElement> Cadences { get; } = [];

        private readonly HashSet<string> _keys = [];

        public bool Add<T>(List<T> list, T item, Func<T, string> key)
        {
            lock (_keys)
            {
                if (_keys.Add(typeof(T).Name + "|" + key(item)))
                {
                    list.Add(item);
                }
            }

            return true;
        }

        public IReadOnlyList<T> Snapshot<T>(List<T> list)
        {
            lock (_keys)
            {
                return [.. list];
            }
        }
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
