using System.Collections.Concurrent;
using Dealix.Orchestrations.CustomerSuccess;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Ports;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Notifications.Activities;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Activities;
using Dealix.Orchestrations.Tasks.Ports;
using Dealix.Orchestrations.Tests.Deals;
using Dealix.Runtime.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Orchestrations.Tests.CustomerSuccess;

/// <summary>
/// The customer-success workflows on the virtual clock: real orchestrators and activities (theirs and the human-task,
/// alert, kill-switch and audit activities they call), an in-memory CS store, and Moq'ed task store, alert sink and
/// kill switch that record what was created and when.
/// </summary>
public sealed class CsHarness : IAsyncDisposable
{
    public const string Tenant = "acme";

    /// <summary>Sunday 2026-11-22 09:00 AST.</summary>
    public static readonly DateTimeOffset SundayMorning = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    private CsHarness(DurableTaskTestHost host, InMemoryCsStore store, InMemoryDealStores ledger, Mock<IHumanTaskStore> tasks, Mock<IOperatorAlerts> alerts,
        Mock<IKillSwitch> killSwitch)
    {
        Host = host;
        Store = store;
        Ledger = ledger;
        tasks.Setup(t => t.CreateAsync(It.IsAny<HumanTask>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((HumanTask task, CancellationToken _) =>
            {
                CreateCalls.Enqueue(task.TaskId);
                return CreatedTasks.TryAdd(task.TaskId, (task, Host.Clock.GetUtcNow()));
            });
        alerts.Setup(a => a.SendAsync(It.IsAny<OperatorAlert>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OperatorAlert alert, CancellationToken _) =>
            {
                Assert.Null(OperatorAlertValidation.Problem(alert));
                SentAlerts[alert.IdempotencyKey] = alert;
                return true;
            });
        killSwitch.Setup(k => k.IsPausedAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => Paused);
    }

    public DurableTaskTestHost Host { get; }

    public InMemoryCsStore Store { get; }

    public InMemoryDealStores Ledger { get; }

    /// <summary>Tasks by id, with the virtual time each was created (a retried create keeps the first).</summary>
    public ConcurrentDictionary<string, (HumanTask Task, DateTimeOffset At)> CreatedTasks { get; } = new();

    /// <summary>Every create call, retries included.</summary>
    public ConcurrentQueue<string> CreateCalls { get; } = new();

    /// <summary>Alerts by idempotency key.</summary>
    public ConcurrentDictionary<string, OperatorAlert> SentAlerts { get; } = new();

    public bool Paused { get; set; }

    public IEnumerable<HumanTask> Tasks(string kind) => CreatedTasks.Values.Where(t => t.Task.Kind == kind).OrderBy(t => t.At).Select(t => t.Task);

    public static async Task<CsHarness> StartAsync(DateTimeOffset? start = null)
    {
        var clock = new FakeTimeProvider(start ?? SundayMorning);
        var store = new InMemoryCsStore();
        var ledger = new InMemoryDealStores();
        var tasks = new Mock<IHumanTaskStore>();
        var alerts = new Mock<IOperatorAlerts>();
        var killSwitch = new Mock<IKillSwitch>();
        DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(clock, Register, services => services
            .AddSingleton<ICustomerSuccessStore>(store)
            .AddSingleton<IAuditLedger>(ledger)
            .AddSingleton(_ => tasks.Object)
            .AddSingleton(_ => alerts.Object)
            .AddSingleton(_ => killSwitch.Object));
        return new CsHarness(host, store, ledger, tasks, alerts, killSwitch);
    }

    /// <summary>What a worker running the CS area registers.</summary>
    public static void Register(DurableTaskRegistry tasks) => tasks
        .AddCustomerSuccess()
        .AddActivity<CreateHumanTask>()
        .AddActivity<SendOperatorAlert>()
        .AddActivity<CheckKillSwitch>()
        .AddActivity<RecordAudit>();

    public static HealthInputs Healthy(int draftsPending = 6, int daysInactive = 1) =>
        new(5, daysInactive, 6, draftsPending, 5, 3, 3, false, 0, 0, 0, 0, false, true);

    public async Task<string> StartCadenceAsync(string customer, string bundle = "growth_starter", DateOnly? renewal = null)
    {
        string id = CustomerSuccessCadenceOrchestrator.InstanceId(Tenant, customer);
        await Host.Client.ScheduleNewOrchestrationInstanceAsync(CustomerSuccessCadenceOrchestrator.Name,
            new CustomerSuccessCadenceInput(Tenant, customer, bundle, Host.Clock.GetUtcNow()) { RenewalDate = renewal }, new StartOrchestrationOptions(id));
        await EnsureNotFailedAsync(id);
        return id;
    }

    public async Task<OrchestrationMetadata> EnsureNotFailedAsync(string id)
    {
        OrchestrationMetadata instance = await Host.GetInstanceAsync(id);
        return instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed
            ? throw new InvalidOperationException($"{id} failed: {instance.FailureDetails} {instance.FailureDetails?.InnerFailure}")
            : instance;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
