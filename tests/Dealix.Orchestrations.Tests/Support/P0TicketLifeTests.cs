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
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Support;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;
using Dealix.Orchestrations.Support.Rules;
using Dealix.Orchestrations.Support.Tracking;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tests.Deals;
using Dealix.Orchestrations.Tests.Incidents;
using Dealix.Runtime.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Orchestrations.Tests.Support;

/// <summary>
/// Issue 14 item 6 on the virtual clock: one P0 ticket's whole life with its incident — the ticket, approval, incident and
/// incident-update orchestrators with their real activities in one task hub; the P0 ticket opens its incident through
/// <see cref="IIncidentTrigger"/> as the app does (start under the deterministic id unless it exists).
/// </summary>
public sealed class P0TicketLifeTests
{
    private const string Tenant = SupportHarness.Tenant;

    [Fact]
    public async Task P0Ticket_BreachesAndEscalates_OpensItsSev1Incident_PdplClockRunsOut_PostMortem_FounderUnfreezes()
    {
        await using Life h = await Life.StartAsync();
        DateTime opened = h.Now;
        SupportTicketInput input = h.Ticket("t-life", "تسريب بيانات العملاء", "بيانات عملائنا ظاهرة للكل في الرابط");
        Assert.Equal(TicketPriority.P0, input.Priority);
        string ticketInstance = TicketKeys.InstanceId(Tenant, "t-life");
        await h.Host.Client.ScheduleNewOrchestrationInstanceAsync(SupportTicketOrchestrator.Name, input, new StartOrchestrationOptions(ticketInstance));
        await h.Host.WaitForIdleAsync();

        // Intake: the ticket records its incident; the incident links back, triages the reported leak as SEV1, freezes
        // globally, pages the founder with a link, and hands its plan to the owners as human tasks.
        SupportTicket ticket = (await h.Support.GetAsync(Tenant, "t-life"))!;
        Assert.Equal((true, "p0-t-life"), (ticket.IncidentRequested, ticket.IncidentId));
        string incident = IncidentKeys.InstanceId(Tenant, "p0-t-life");
        IncidentState state = await h.IncidentAsync(incident);
        Assert.Equal(("t-life", IncidentSources.Ticket, IncidentSeverity.SEV1, "global"), (state.TicketId, state.Source, state.Severity, state.FreezeScope));
        Assert.True(state.Pdpl.Required);
        Assert.Equal([$"{Tenant}:p0-t-life"], h.Incidents.GlobalHolds);
        OperatorAlert paged = Assert.Single(h.AlertsOf(OperatorAlertKinds.IncidentOpened));
        Assert.Equal(("founder", "/api/v1/customer-ops/incidents/p0-t-life?tenant=acme"), (paged.OwnerRole, paged.Link));
        Assert.Equal(("p0_ticket", "/api/v1/customer-ops/support/tickets/t-life?tenant=acme"), (h.Support.Alerts[0].Kind, h.Support.Alerts[0].Link));
        Assert.Equal(11, h.Tasks.Count);
        Assert.All(h.Tasks, t => Assert.Equal(("incident", incident, "p0-t-life"), (t.Area, t.InstanceId, t.SubjectId)));

        // A retried P0 activity (or a redelivered e-mail) finds the incident open: still one incident, one page.
        Assert.True(await h.Trigger.OpenAsync(TicketIncidents.OpenRequest(
            new IncidentRequest(Tenant, "t-life", ticketInstance, TicketPriority.P0, input.MatchedKeywords, input.Reason, opened, input.CorrelationId), ticket)));
        await h.Host.WaitForIdleAsync();
        Assert.Equal(1, h.Trigger.Started);
        Assert.Single(h.AlertsOf(OperatorAlertKinds.IncidentOpened));

        // The ticket's SLA: the first-response approval is late, the first response breaches at 30 min and escalates to the founder.
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(31));
        Assert.Equal(["p0_ticket", "sla_warning", "sla_breach"], h.Support.Alerts.Select(a => a.Kind));
        Assert.All(h.Support.Alerts, a => Assert.Equal("founder", a.OwnerRole));
        Assert.Contains(h.Support.Log(Tenant, "t-life"), e => e.EventType == SlaEventType.Escalated);
        Assert.True(await h.DecideAsync("t-life-fr", DraftDecisionKind.Approved));
        Assert.Single(h.Queued);
        Assert.Contains(h.Support.Log(Tenant, "t-life"), e => e.EventType == SlaEventType.FirstResponseSent);

        // The incident: contained at 1 h, every step but the PDPL decision and the unfreeze acknowledged by its owner.
        await h.Host.AdvanceTimeAsync(TimeSpan.FromMinutes(29));
        await h.ReportAsync(incident, IncidentStatusChange.Contained);
        foreach (HumanTaskRequest task in h.Tasks.Where(t => t.Kind is not (IncidentPlanTasks.PdplKey or IncidentPlanTasks.UnfreezeKey)))
        {
            await h.AcknowledgeAsync(incident, task, "owner-" + task.Kind);
        }

        Assert.False((await h.IncidentAsync(incident)).Acknowledged);

        // The ticket resolves within its 4-hour target.
        await h.Host.AdvanceTimeAsync(TimeSpan.FromHours(2));
        Assert.True((await h.RecordAsync("t-life", SlaEventType.Resolved)).Accepted);

        // The PDPL 72-hour clock: reminders at +24, +48, +60 h; undecided at +72 h it escalates as a breach.
        await h.Host.AdvanceTimeAsync(opened.AddHours(72).AddMinutes(1) - h.Now);
        Assert.Equal(["pdpl/24h", "pdpl/48h", "pdpl/60h"], h.AlertsOf("pdpl_reminder").Select(a => a.IdempotencyKey[(incident.Length + 1)..]));
        OperatorAlert overdue = Assert.Single(h.AlertsOf("pdpl_breach"));
        Assert.Equal(("critical", "founder", paged.Link), (overdue.Severity, overdue.OwnerRole, overdue.Link));
        Assert.Equal("overdue", (await h.IncidentAsync(incident)).Pdpl.Status);

        // The founder records the notification; the incident is resolved and its post-mortem drafted; still frozen.
        await h.AcknowledgeAsync(incident, h.Tasks.Single(t => t.Kind == IncidentPlanTasks.PdplKey), "founder",
            new Dictionary<string, string> { ["pdpl"] = "sent", ["reference"] = "REG-2026-0077" });
        await h.ReportAsync(incident, IncidentStatusChange.Resolved);
        PostMortemDraft postMortem = (await h.Incidents.GetAsync(Tenant, "p0-t-life"))!.PostMortem!;
        Assert.Contains("# Post-mortem p0-t-life (SEV1)", postMortem.Markdown, StringComparison.Ordinal);
        Assert.Contains("reference: REG-2026-0077", postMortem.Markdown, StringComparison.Ordinal);
        Assert.Equal((true, "sent"), ((await h.IncidentAsync(incident)).Frozen, (await h.IncidentAsync(incident)).Pdpl.Status));
        Assert.NotEmpty(h.Incidents.GlobalHolds);

        // Only the founder's decision lifts the global freeze; approving the last update closes the incident acknowledged.
        await h.Host.Client.RaiseEventAsync(incident, IncidentEvents.Unfreeze, new IncidentStatusChange("unfrozen", "founder", h.Now));
        await h.Host.WaitForIdleAsync();
        Assert.Empty(h.Incidents.GlobalHolds);
        foreach (ReplyDraft pending in h.Deals.Drafts.Where(d => d.DealInstanceId == incident && d.Status == DraftStatus.PendingApproval).ToList())
        {
            Assert.True(await h.DecideAsync(pending.DraftId, DraftDecisionKind.Approved));
        }

        OrchestrationMetadata done = await h.Host.GetInstanceAsync(incident);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        IncidentState closed = done.ReadOutputAs<IncidentState>()!;
        Assert.Equal(("closed", true, false, "t-life"), (closed.Phase, closed.Acknowledged, closed.Frozen, closed.TicketId));
        Assert.Equal("resolved", (await h.Support.GetAsync(Tenant, "t-life"))!.Status);
        await h.EnsureNotFailedAsync(ticketInstance);

        await SaveIfAskedAsync(h.Host, incident, "incident-response.p0-ticket-sev1.json");
    }

    /// <summary>Writes the incident's history next to the incident histories when asked to (<c>DEALIX_RECORD_HISTORIES=1</c>).</summary>
    private static async Task SaveIfAskedAsync(DurableTaskTestHost host, string instanceId, string file)
    {
        if (Environment.GetEnvironmentVariable("DEALIX_RECORD_HISTORIES") != "1")
        {
            return;
        }

        IReadOnlyList<Dealix.Runtime.Backend.HistoryEvent> history = await host.Client.GetHistoryAsync(instanceId);
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(SourceFile())!, "..", "Incidents", "Histories", file), HistoryReplayer.Serialize(history));
    }

    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

    /// <summary>The support and incident areas in one hub on the virtual clock.</summary>
    private sealed class Life : IAsyncDisposable
    {
        private readonly List<OperatorAlert> _alerts = [];

        private Life(DurableTaskTestHost host, InMemoryDealStores deals, InMemorySupportStores support, IncidentHarness.InMemoryIncidents incidents,
            HostIncidentTrigger trigger, ConcurrentQueue<HumanTaskRequest> tasks, List<OutboundMessage> queued, Mock<IOperatorAlerts> alerts)
        {
            (Host, Deals, Support, Incidents, Trigger, CreatedTasks, Queued) = (host, deals, support, incidents, trigger, tasks, queued);
            alerts.Setup(a => a.SendAsync(It.IsAny<OperatorAlert>(), It.IsAny<CancellationToken>()))
                .Callback((OperatorAlert alert, CancellationToken _) =>
                {
                    Assert.Null(OperatorAlertValidation.Problem(alert));
                    lock (_alerts)
                    {
                        if (!_alerts.Any(a => a.IdempotencyKey == alert.IdempotencyKey))
                        {
                            _alerts.Add(alert);
                        }
                    }
                })
                .ReturnsAsync(true);
        }

        public DurableTaskTestHost Host { get; }

        public InMemoryDealStores Deals { get; }

        public InMemorySupportStores Support { get; }

        public IncidentHarness.InMemoryIncidents Incidents { get; }

        public HostIncidentTrigger Trigger { get; }

        public ConcurrentQueue<HumanTaskRequest> CreatedTasks { get; }

        public IReadOnlyList<HumanTaskRequest> Tasks => [.. CreatedTasks];

        public List<OutboundMessage> Queued { get; }

        public DateTime Now => Host.Clock.GetUtcNow().UtcDateTime;

        public static async Task<Life> StartAsync()
        {
            var clock = new FakeTimeProvider(SupportHarness.SundayMorning);
            var deals = new InMemoryDealStores();
            var support = new InMemorySupportStores(deals);
            var incidents = new IncidentHarness.InMemoryIncidents();
            var trigger = new HostIncidentTrigger();
            var tasks = new ConcurrentQueue<HumanTaskRequest>();
            var queued = new List<OutboundMessage>();
            var alerts = new Mock<IOperatorAlerts>();
            var outbox = new Mock<IOutbox>();
            outbox.Setup(o => o.EnqueueAsync(It.IsAny<OutboundMessage>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
                .Callback((OutboundMessage m, TimeSpan? _, CancellationToken _) => { lock (queued) { queued.Add(m); } })
                .Returns(Task.CompletedTask);
            var notifier = new Mock<IOperatorNotifier>();
            notifier.Setup(n => n.NotifyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<ApprovalStepKind>(), It.IsAny<string>(), It.IsAny<string>(),
                It.IsAny<CancellationToken>())).ReturnsAsync(true);
            var killSwitch = new Mock<IKillSwitch>();
            DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(clock,
                registry => registry.AddDeals().AddSupport().AddIncidents().AddNotifications()
                    .AddActivityFunc<HumanTaskRequest, bool>(HumanTaskActivities.Create, (_, request) =>
                    {
                        if (!tasks.Any(t => t.TaskId == request.TaskId))
                        {
                            tasks.Enqueue(request);
                        }

                        return true;
                    }),
                services => services
                    .AddSingleton<IDealStageRules>(DealTransitionTable.Instance)
                    .AddSingleton<IDraftStore>(deals)
                    .AddSingleton<IAuditLedger>(deals)
                    .AddSingleton<ISuppressionList>(deals)
                    .AddSingleton<IEvidencePackStore>(deals)
                    .AddSingleton(_ => outbox.Object)
                    .AddSingleton(_ => notifier.Object)
                    .AddSingleton(_ => killSwitch.Object)
                    .AddSingleton(_ => alerts.Object)
                    .AddSingleton<ITicketStore>(support)
                    .AddSingleton<ISlaLogStore>(support)
                    .AddSingleton<IEscalationLedger>(support)
                    .AddSingleton<ISupportAlerts>(support)
                    .AddSingleton<IIncidentTrigger>(trigger)
                    .AddSingleton<IPendingApprovalScan>(support)
                    .AddSingleton<IIncidentStore>(incidents)
                    .AddSingleton<ITenantFreeze>(incidents)
                    .AddSingleton<TicketSlaRecorder>()
                    .AddSingleton<TicketEscalator>()
                    .AddSingleton<SlaSweeper>());
            trigger.Client = host.Client;
            return new Life(host, deals, support, incidents, trigger, tasks, queued, alerts);
        }

        public SupportTicketInput Ticket(string ticketId, string subject, string body)
        {
            TicketClassification c = TicketClassifier.Default.Classify(subject, body);
            const string Address = "customer@example.com";
            return new SupportTicketInput(Tenant, ticketId, "email", c.Priority, c.MatchedKeywords, c.Reason, Now, $"corr-{ticketId}", "customer", subject, body,
                new TicketReplyTo(MessageChannel.Email, Address, DealKeys.ContactId(Tenant, MessageChannel.Email, Address), "Re: " + subject), $"msg-{ticketId}");
        }

        public IReadOnlyList<OperatorAlert> AlertsOf(string kind)
        {
            lock (_alerts)
            {
                return [.. _alerts.Where(a => a.Kind == kind)];
            }
        }

        public async Task<IncidentState> IncidentAsync(string instanceId) => (await Host.GetInstanceAsync(instanceId)).ReadCustomStatusAs<IncidentState>()!;

        /// <summary>What the task API does when an owner completes a task.</summary>
        public async Task AcknowledgeAsync(string instanceId, HumanTaskRequest task, string by, IReadOnlyDictionary<string, string>? result = null)
        {
            await Host.Client.RaiseEventAsync(instanceId, HumanTaskEvents.Completed(task.TaskId), new HumanTaskOutcome(task.TaskId, "completed", by, Host.Clock.GetUtcNow(), result));
            await Host.WaitForIdleAsync();
            await EnsureNotFailedAsync(instanceId);
        }

        public async Task ReportAsync(string instanceId, string status)
        {
            await Host.Client.RaiseEventAsync(instanceId, IncidentEvents.StatusChanged, new IncidentStatusChange(status, "op-1", Now));
            await Host.WaitForIdleAsync();
            await EnsureNotFailedAsync(instanceId);
        }

        /// <summary>What the approval center does: record the decision, raise it to the draft's approval instance.</summary>
        public async Task<bool> DecideAsync(string draftId, DraftDecisionKind decision)
        {
            DraftUpdate update = await Deals.TransitionAsync(Tenant, draftId, [DraftStatus.PendingApproval], DraftStatus.Approved, new DraftChange("op-1", Now, "ok"));
            if (!update.Applied)
            {
                return false;
            }

            await Host.Client.RaiseEventAsync(DealKeys.ApprovalInstanceId(Tenant, draftId), DealEvents.DraftDecided,
                new DraftDecision(draftId, decision, "op-1", CorrelationId: update.Draft!.CorrelationId));
            await Host.WaitForIdleAsync();
            return true;
        }

        /// <summary>What the <c>sla/event</c> route does.</summary>
        public async Task<SlaEventValidation> RecordAsync(string ticketId, SlaEventType type)
        {
            var slaEvent = new SlaEvent(ticketId, Tenant, type, TicketPriority.P0, Now, "op-1", $"corr-route-{ticketId}");
            (SlaEventValidation validation, _) = await Host.Services.GetRequiredService<TicketSlaRecorder>().RecordAsync(slaEvent,
                TicketKeys.EventKey(Tenant, ticketId, type.ToString(), Now, "op-1"));
            if (validation.Accepted)
            {
                await Host.Client.RaiseEventAsync(TicketKeys.InstanceId(Tenant, ticketId), SupportEvents.SlaEventRecorded, slaEvent);
                await Host.WaitForIdleAsync();
            }

            return validation;
        }

        public async Task EnsureNotFailedAsync(string instanceId)
        {
            OrchestrationMetadata instance = await Host.GetInstanceAsync(instanceId);
            Assert.True(instance.RuntimeStatus != OrchestrationRuntimeStatus.Failed, $"{instanceId} failed: {instance.FailureDetails}");
        }

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }

    /// <summary>The app's trigger on the test hub: start the incident under its deterministic id unless it exists.</summary>
    private sealed class HostIncidentTrigger : IIncidentTrigger
    {
        private int _started;

        public DurableTaskClient? Client { get; set; }

        public int Started => _started;

        public async Task<bool> OpenAsync(IncidentOpenRequest request, CancellationToken cancellationToken = default)
        {
            Assert.Null(IncidentRequests.Problem(request, request.DetectedAt));
            string instanceId = IncidentKeys.InstanceId(request.Tenant, request.IncidentId);
            if (await Client!.GetInstanceAsync(instanceId, cancellationToken) is null)
            {
                await Client.ScheduleNewOrchestrationInstanceAsync(IncidentResponseOrchestrator.Name, request, new StartOrchestrationOptions(instanceId), cancellationToken);
                Interlocked.Increment(ref _started);
            }

            return true;
        }
    }
}
