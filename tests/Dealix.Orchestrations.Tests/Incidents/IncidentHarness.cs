using System.Collections.Concurrent;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Incidents;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Ports;
using Dealix.Orchestrations.Incidents.Rules;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tests.Deals;
using Dealix.Runtime.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Orchestrations.Tests.Incidents;

/// <summary>
/// An incident on the virtual clock: the real incident orchestrators and activities, the deal area's real draft
/// activities over in-memory stores, the real alert activity over a Moq'ed <see cref="IOperatorAlerts"/>, and the
/// human-task create activity recorded (the task API's part, raising the outcome, is what <see cref="AcknowledgeAsync"/> does).
/// </summary>
public sealed class IncidentHarness : IAsyncDisposable
{
    public const string Tenant = "acme";

    /// <summary>Sunday 2026-11-22 09:00 AST.</summary>
    public static readonly DateTimeOffset SundayMorning = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    private IncidentHarness(DurableTaskTestHost host, InMemoryDealStores drafts, InMemoryIncidents incidents, Mock<IOperatorAlerts> alerts,
        ConcurrentQueue<HumanTaskRequest> tasks)
    {
        Host = host;
        Drafts = drafts;
        Incidents = incidents;
        Alerts = alerts;
        CreatedTasks = tasks;
    }

    public DurableTaskTestHost Host { get; }

    public InMemoryDealStores Drafts { get; }

    public InMemoryIncidents Incidents { get; }

    public Mock<IOperatorAlerts> Alerts { get; }

    public ConcurrentQueue<HumanTaskRequest> CreatedTasks { get; }

    public List<OperatorAlert> SentAlerts { get; } = [];

    public static async Task<IncidentHarness> StartAsync()
    {
        var clock = new FakeTimeProvider(SundayMorning);
        var drafts = new InMemoryDealStores();
        var incidents = new InMemoryIncidents();
        var alerts = new Mock<IOperatorAlerts>();
        var tasks = new ConcurrentQueue<HumanTaskRequest>();
        DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(clock,
            registry => registry.AddIncidents().AddDeals().AddNotifications()
                .AddActivityFunc<HumanTaskRequest, bool>(HumanTaskActivities.Create, (_, request) =>
                {
                    tasks.Enqueue(request);
                    return true;
                }),
            services => services
                .AddSingleton<IDraftStore>(drafts)
                .AddSingleton<IAuditLedger>(drafts)
                .AddSingleton<IIncidentStore>(incidents)
                .AddSingleton<ITenantFreeze>(incidents)
                .AddSingleton(_ => alerts.Object));
        var harness = new IncidentHarness(host, drafts, incidents, alerts, tasks);
        alerts.Setup(a => a.SendAsync(It.IsAny<OperatorAlert>(), It.IsAny<CancellationToken>()))
            .Callback((OperatorAlert alert, CancellationToken _) =>
            {
                lock (harness.SentAlerts)
                {
                    if (!harness.SentAlerts.Any(a => a.IdempotencyKey == alert.IdempotencyKey))
                    {
                        harness.SentAlerts.Add(alert);
                    }
                }
            })
            .ReturnsAsync(true);
        return harness;
    }

    public static IncidentOpenRequest Request(string incidentId, bool leak, bool personalData, int affected = 1) => new(
        Tenant, incidentId, IncidentSources.Operator, "Customer data visible to another tenant", leak, HasUnauthorizedSend: false, affected,
        leak ? "A report showed another tenant's contacts" : "Dashboard slow for one customer", personalData, SundayMorning.UtcDateTime, $"corr-{incidentId}", "op-1",
        CustomerEmail: "ops@customer.example");

    public static string InstanceId(string incidentId) => IncidentKeys.InstanceId(Tenant, incidentId);

    /// <summary>Opens the incident and settles the hub.</summary>
    public async Task<string> OpenAsync(IncidentOpenRequest request)
    {
        string id = IncidentKeys.InstanceId(request.Tenant, request.IncidentId);
        await Host.Client.ScheduleNewOrchestrationInstanceAsync(IncidentResponseOrchestrator.Name, request, new StartOrchestrationOptions(id));
        await EnsureNotFailedAsync(id);
        return id;
    }

    /// <summary>What the task API does when an owner completes (or rejects) a task.</summary>
    public async Task AcknowledgeAsync(string instanceId, string step, string by, string outcome = "completed", IReadOnlyDictionary<string, string>? result = null)
    {
        string taskId = IncidentKeys.TaskId(instanceId, step);
        Assert.Contains(CreatedTasks, t => t.TaskId == taskId);
        await Host.Client.RaiseEventAsync(instanceId, HumanTaskEvents.Completed(taskId),
            new HumanTaskOutcome(taskId, outcome, by, Host.Clock.GetUtcNow(), result));
        await EnsureNotFailedAsync(instanceId);
    }

    /// <summary>What the approval center does: record the decision on the draft, then raise it to its approval.</summary>
    public async Task DecideAsync(string draftId, DraftDecisionKind decision, string reviewer = "op-1")
    {
        DraftStatus to = decision == DraftDecisionKind.Approved ? DraftStatus.Approved : DraftStatus.Rejected;
        DraftUpdate update = await Drafts.TransitionAsync(Tenant, draftId, [DraftStatus.PendingApproval], to, new DraftChange(reviewer, Host.Clock.GetUtcNow().UtcDateTime, "ok"));
        Assert.True(update.Applied, $"draft {draftId} was not pending");
        await Host.Client.RaiseEventAsync(DealKeys.ApprovalInstanceId(Tenant, draftId), DealEvents.DraftDecided,
            new DraftDecision(draftId, decision, reviewer, CorrelationId: update.Draft!.CorrelationId));
        await Host.WaitForIdleAsync();
    }

    /// <summary>What the founder-only unfreeze route does.</summary>
    public async Task UnfreezeAsync(string instanceId, string by)
    {
        await Host.Client.RaiseEventAsync(instanceId, IncidentEvents.Unfreeze, new IncidentStatusChange("unfrozen", by, Host.Clock.GetUtcNow().UtcDateTime));
        await EnsureNotFailedAsync(instanceId);
    }

    public async Task ReportAsync(string instanceId, string status, string? note = null)
    {
        await Host.Client.RaiseEventAsync(instanceId, IncidentEvents.StatusChanged, new IncidentStatusChange(status, "op-1", Host.Clock.GetUtcNow().UtcDateTime, note));
        await EnsureNotFailedAsync(instanceId);
    }

    public async Task<IncidentState> StateAsync(string instanceId)
    {
        OrchestrationMetadata instance = await Host.GetInstanceAsync(instanceId);
        return instance.ReadCustomStatusAs<IncidentState>()!;
    }

    /// <summary>The incident's customer-communication drafts, oldest first.</summary>
    public IReadOnlyList<ReplyDraft> UpdateDrafts(string instanceId) => [.. Drafts.Drafts.Where(d => d.DealInstanceId == instanceId)];

    public IReadOnlyList<OperatorAlert> AlertsOf(string kind)
    {
        lock (SentAlerts)
        {
            return [.. SentAlerts.Where(a => a.Kind == kind)];
        }
    }

    public async Task EnsureNotFailedAsync(string instanceId)
    {
        OrchestrationMetadata instance = await Host.GetInstanceAsync(instanceId);
        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed)
        {
            throw new InvalidOperationException($"The incident failed: {instance.FailureDetails} {instance.FailureDetails?.InnerFailure} {instance.FailureDetails?.StackTrace}");
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    /// <summary>The incident store and tenant freeze in memory.</summary>
    public sealed class InMemoryIncidents : IIncidentStore, ITenantFreeze
    {
        private readonly ConcurrentDictionary<(string, string), StoredIncident> _incidents = new();
        private readonly ConcurrentDictionary<string, List<string>> _holds = new();

        private readonly List<string> _global = [];

        public List<FreezeTenantInput> FreezeCalls { get; } = [];

        /// <summary>The holds of the global (SEV1) freeze, <c>{tenant}:{incidentId}</c>.</summary>
        public IReadOnlyList<string> GlobalHolds
        {
            get
            {
                lock (_holds)
                {
                    return [.. _global];
                }
            }
        }

        public Task SaveAsync(IncidentState state, PostMortemDraft? postMortem, CancellationToken cancellationToken = default)
        {
            _incidents.AddOrUpdate((state.Tenant, state.IncidentId), _ => new StoredIncident(state, postMortem),
                (_, old) => new StoredIncident(state, postMortem ?? old.PostMortem));
            return Task.CompletedTask;
        }

        public Task<StoredIncident?> GetAsync(string tenant, string incidentId, CancellationToken cancellationToken = default) =>
            Task.FromResult(_incidents.TryGetValue((tenant, incidentId), out StoredIncident? stored) ? stored : null);

        public Task<IReadOnlyList<IncidentState>> ListAsync(string tenant, int limit = 50, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<IncidentState>>([.. _incidents.Values.Select(s => s.State).Where(s => s.Tenant == tenant).Take(limit)]);

        public Task<bool> SetAsync(FreezeTenantInput input, CancellationToken cancellationToken = default)
        {
            lock (_holds)
            {
                FreezeCalls.Add(input);
                List<string> holds = _holds.GetOrAdd(input.Tenant, _ => []);
                holds.Remove(input.IncidentId);
                _global.Remove($"{input.Tenant}:{input.IncidentId}");
                if (input.Frozen)
                {
                    holds.Add(input.IncidentId);
                    if (input.Global)
                    {
                        _global.Add($"{input.Tenant}:{input.IncidentId}");
                    }
                }

                return Task.FromResult(holds.Count > 0 || _global.Count > 0);
            }
        }

        public Task<IReadOnlyList<string>> HeldByAsync(string tenant, CancellationToken cancellationToken = default)
        {
            lock (_holds)
            {
                return Task.FromResult<IReadOnlyList<string>>(_holds.TryGetValue(tenant, out List<string>? holds) ? [.. holds] : []);
            }
        }
    }
}
