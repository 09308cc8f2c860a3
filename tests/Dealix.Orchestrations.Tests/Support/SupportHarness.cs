using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Support;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Ports;
using Dealix.Orchestrations.Support.Rules;
using Dealix.Orchestrations.Support.Tracking;
using Dealix.Orchestrations.Tests.Deals;
using Dealix.Runtime.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Orchestrations.Tests.Support;

/// <summary>
/// Support tickets on the virtual clock: the real ticket, approval and sweep orchestrators with their activities and
/// services, in-memory stores, and Moq'ed outbox, notifier and kill switch.
/// </summary>
public sealed class SupportHarness : IAsyncDisposable
{
    public const string Tenant = "acme";

    /// <summary>Sunday 2026-11-22 09:00 AST.</summary>
    public static readonly DateTimeOffset SundayMorning = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    public DurableTaskTestHost Host { get; }

    public InMemoryDealStores Deals { get; }

    public InMemorySupportStores Support { get; }

    public Mock<IOperatorNotifier> Notifier { get; } = new();

    public Mock<IOutbox> Outbox { get; } = new();

    public Mock<IKillSwitch> KillSwitch { get; } = new();

    public List<OutboundMessage> Queued { get; } = [];

    public bool Paused { get; set; }

    private SupportHarness(DurableTaskTestHost host, InMemoryDealStores deals, InMemorySupportStores support, Mock<IOperatorNotifier> notifier,
        Mock<IOutbox> outbox, Mock<IKillSwitch> killSwitch)
    {
        Host = host;
        Deals = deals;
        Support = support;
        Notifier = notifier;
        Outbox = outbox;
        KillSwitch = killSwitch;
        Outbox.Setup(o => o.EnqueueAsync(It.IsAny<OutboundMessage>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .Callback((OutboundMessage m, TimeSpan? _, CancellationToken _) => { lock (Queued) { Queued.Add(m); } })
            .Returns(Task.CompletedTask);
        Notifier.Setup(n => n.NotifyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<ApprovalStepKind>(), It.IsAny<string>(), It.IsAny<string>(),
            It.IsAny<CancellationToken>())).ReturnsAsync(true);
        KillSwitch.Setup(k => k.IsPausedAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => Paused);
    }

    public static async Task<SupportHarness> StartAsync(DateTimeOffset? start = null)
    {
        var clock = new FakeTimeProvider(start ?? SundayMorning);
        var deals = new InMemoryDealStores();
        var support = new InMemorySupportStores(deals);
        var notifier = new Mock<IOperatorNotifier>();
        var outbox = new Mock<IOutbox>();
        var killSwitch = new Mock<IKillSwitch>();
        DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(clock,
            tasks => tasks.AddDeals().AddSupport(),
            services => services
                .AddSingleton<IDealStageRules>(DealTransitionTable.Instance)
                .AddSingleton<IDraftStore>(deals)
                .AddSingleton<IAuditLedger>(deals)
                .AddSingleton<ISuppressionList>(deals)
                .AddSingleton<IEvidencePackStore>(deals)
                .AddSingleton(_ => outbox.Object)
                .AddSingleton(_ => notifier.Object)
                .AddSingleton(_ => killSwitch.Object)
                .AddSingleton<ITicketStore>(support)
                .AddSingleton<ISlaLogStore>(support)
                .AddSingleton<IEscalationLedger>(support)
                .AddSingleton<ISupportAlerts>(support)
                .AddSingleton<IIncidentTrigger>(support)
                .AddSingleton<IPendingApprovalScan>(support)
                .AddSingleton<TicketSlaRecorder>()
                .AddSingleton<TicketEscalator>()
                .AddSingleton<SlaSweeper>());
        return new SupportHarness(host, deals, support, notifier, outbox, killSwitch);
    }

    public DateTime Now => Host.Clock.GetUtcNow().UtcDateTime;

    public T Service<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>A ticket as the intake makes it: classified by the shipped classifier, with a reply address.</summary>
    public SupportTicketInput Ticket(string ticketId, string subject, string body, MessageChannel channel = MessageChannel.Email)
    {
        TicketClassification c = TicketClassifier.Default.Classify(subject, body);
        string address = channel == MessageChannel.Email ? "customer@example.com" : "966500000001";
        return new SupportTicketInput(Tenant, ticketId, channel == MessageChannel.Email ? "email" : "whatsapp", c.Priority, c.MatchedKeywords, c.Reason, Now,
            $"corr-{ticketId}", "customer", subject, body,
            new TicketReplyTo(channel, address, DealKeys.ContactId(Tenant, channel, address), channel == MessageChannel.Email ? "Re: " + subject : null),
            $"msg-{ticketId}");
    }

    public async Task<string> OpenAsync(SupportTicketInput ticket)
    {
        string instanceId = TicketKeys.InstanceId(ticket.TenantId, ticket.TicketId);
        await Host.Client.ScheduleNewOrchestrationInstanceAsync(SupportTicketOrchestrator.Name, ticket, new StartOrchestrationOptions(instanceId));
        await EnsureNotFailedAsync(instanceId);
        return instanceId;
    }

    public async Task EnsureNotFailedAsync(string instanceId)
    {
        OrchestrationMetadata instance = await Host.GetInstanceAsync(instanceId);
        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed)
        {
            throw new InvalidOperationException($"{instanceId} failed: {instance.FailureDetails} {instance.FailureDetails?.StackTrace}");
        }
    }

    /// <summary>What the approval center does: record the decision, raise it to the draft's approval instance.</summary>
    public async Task<bool> DecideAsync(string draftId, DraftDecisionKind decision, string reviewer = "op-1")
    {
        DraftStatus to = decision == DraftDecisionKind.Approved ? DraftStatus.Approved : DraftStatus.Rejected;
        DraftUpdate update = await Deals.TransitionAsync(Tenant, draftId, [DraftStatus.PendingApproval], to, new DraftChange(reviewer, Now, "ok"));
        if (!update.Applied)
        {
            return false;
        }

        await Host.Client.RaiseEventAsync(DealKeys.ApprovalInstanceId(Tenant, draftId), DealEvents.DraftDecided,
            new DraftDecision(draftId, decision, reviewer, CorrelationId: update.Draft!.CorrelationId));
        await Host.WaitForIdleAsync();
        return true;
    }

    /// <summary>What the <c>sla/event</c> route does: append to the log, then announce it to the ticket's workflow.</summary>
    public async Task<SlaEventValidation> RecordAsync(string ticketId, SlaEventType type, TicketPriority priority, string actor = "op-1")
    {
        var slaEvent = new SlaEvent(ticketId, Tenant, type, priority, Now, actor, $"corr-route-{ticketId}");
        (SlaEventValidation validation, _) = await Service<TicketSlaRecorder>().RecordAsync(slaEvent,
            TicketKeys.EventKey(Tenant, ticketId, type.ToString(), Now, actor));
        if (validation.Accepted)
        {
            await Host.Client.RaiseEventAsync(TicketKeys.InstanceId(Tenant, ticketId), SupportEvents.SlaEventRecorded, slaEvent);
            await Host.WaitForIdleAsync();
        }

        return validation;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
