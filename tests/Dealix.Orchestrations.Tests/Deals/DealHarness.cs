using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Onboarding;
using Dealix.Orchestrations.Onboarding.Ports;
using Dealix.Runtime.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Orchestrations.Tests.Deals;

/// <summary>
/// A deal workflow on the virtual clock: real orchestrators and activities, Moq'ed ports for the classifier, settings,
/// kill switch, outbox and notifier, and stateful in-memory stores.
/// </summary>
public sealed class DealHarness : IAsyncDisposable
{
    public const string Tenant = "acme";
    public const string Phone = "966511111111";

    /// <summary>Sunday 2026-11-22 09:00 AST.</summary>
    public static readonly DateTimeOffset SundayMorning = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    public DurableTaskTestHost Host { get; }

    public InMemoryDealStores Stores { get; }

    public Mock<IReplyClassifier> Classifier { get; }

    public Mock<IOutbox> Outbox { get; }

    public Mock<IOperatorNotifier> Notifier { get; }

    public Mock<IKillSwitch> KillSwitch { get; }

    public Mock<IDealSettings> Settings { get; }

    public List<OutboundMessage> Queued { get; } = [];

    public bool Paused { get; set; }

    public DealSettings TenantSettings { get; set; } = DealSettings.Off;

    public static string ContactId => DealKeys.ContactId(Tenant, MessageChannel.WhatsApp, Phone);

    public static string DealId => DealKeys.DealInstanceId(Tenant, ContactId);

    public static async Task<DealHarness> StartAsync(DateTimeOffset? start = null)
    {
        var clock = new FakeTimeProvider(start ?? SundayMorning);
        var stores = new InMemoryDealStores();
        var classifier = new Mock<IReplyClassifier>();
        var outbox = new Mock<IOutbox>();
        var notifier = new Mock<IOperatorNotifier>();
        var killSwitch = new Mock<IKillSwitch>();
        var settings = new Mock<IDealSettings>();
        DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(clock,
            tasks => tasks.AddDeals().AddOnboarding(), // pilot_active starts the customer's onboarding (StartOrchestrationOnce)
            services => services
                .AddSingleton<IDealStageRules>(DealTransitionTable.Instance)
                .AddSingleton<IDraftStore>(stores)
                .AddSingleton<IAuditLedger>(stores)
                .AddSingleton<ISuppressionList>(stores)
                .AddSingleton<IEvidencePackStore>(stores)
                .AddSingleton(_ => classifier.Object)
                .AddSingleton(_ => outbox.Object)
                .AddSingleton(_ => notifier.Object)
                .AddSingleton(_ => killSwitch.Object)
                .AddSingleton(_ => settings.Object)
                .AddSingleton(_ => Mock.Of<IOrchestrationStarter>()));
        return new DealHarness(host, stores, classifier, outbox, notifier, killSwitch, settings);
    }

    private DealHarness(DurableTaskTestHost host, InMemoryDealStores stores, Mock<IReplyClassifier> classifier, Mock<IOutbox> outbox,
        Mock<IOperatorNotifier> notifier, Mock<IKillSwitch> killSwitch, Mock<IDealSettings> settings)
    {
        Host = host;
        Stores = stores;
        Classifier = classifier;
        Outbox = outbox;
        Notifier = notifier;
        KillSwitch = killSwitch;
        Settings = settings;
        Classifier.Setup(c => c.ClassifyAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string text, CancellationToken _) => Classify(text));
        Outbox.Setup(o => o.EnqueueAsync(It.IsAny<OutboundMessage>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .Callback((OutboundMessage m, TimeSpan? _, CancellationToken _) => { lock (Queued) { Queued.Add(m); } })
            .Returns(Task.CompletedTask);
        Notifier.Setup(n => n.NotifyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<ApprovalStepKind>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);
        KillSwitch.Setup(k => k.IsPausedAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => Paused);
        Settings.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => TenantSettings);
    }

    /// <summary>A tiny keyword stand-in for the reply classifier, enough for workflow tests.</summary>
    public static MessageClassification Classify(string text)
    {
        string t = text.ToLowerInvariant();
        (string category, bool auto) = t switch
        {
            _ when t.Contains("stop", StringComparison.Ordinal) || t.Contains("إلغاء الاشتراك", StringComparison.Ordinal) => (ReplyIntent.Unsubscribe, false),
            _ when t.Contains("السعر", StringComparison.Ordinal) || t.Contains("price", StringComparison.Ordinal) => (ReplyIntent.AskPrice, false),
            _ when t.Contains("demo", StringComparison.Ordinal) => (ReplyIntent.AskDemo, true),
            _ when t.Contains("spam", StringComparison.Ordinal) => (ReplyIntent.Complaint, false),
            _ when t.Contains("out of office", StringComparison.Ordinal) => (ReplyIntent.OutOfOffice, false),
            _ when t.Contains("later", StringComparison.Ordinal) => (ReplyIntent.NotNow, true),
            _ when t.Contains("interested", StringComparison.Ordinal) => (ReplyIntent.Interested, true),
            _ => (ReplyIntent.Unclear, false),
        };
        return new MessageClassification(category, category == ReplyIntent.Unclear ? 0 : 1, auto, ReplyTemplates.ForCategory(category), []);
    }

    public InboundMessage Message(string text, string messageId, string? correlationId = null) => new(
        Tenant, ContactId, MessageChannel.WhatsApp, messageId, Phone, text, Host.Clock.GetUtcNow().UtcDateTime,
        correlationId ?? $"corr-{messageId}");

    /// <summary>What the webhook does: start the deal on first contact, otherwise raise the message to it.</summary>
    public async Task DeliverAsync(InboundMessage message)
    {
        OrchestrationMetadata? existing = await Host.Client.GetInstanceAsync(DealId);
        if (existing is null || existing.IsCompleted)
        {
            await Host.Client.ScheduleNewOrchestrationInstanceAsync(DealLifecycleOrchestrator.Name, new DealState
            {
                TenantId = message.TenantId,
                ContactId = message.ContactId,
                Channel = message.Channel,
                Address = message.From,
                FirstMessage = message,
            }, new StartOrchestrationOptions(DealId));
        }
        else
        {
            await Host.Client.RaiseEventAsync(DealId, DealEvents.InboundMessageReceived, message);
        }

        await EnsureNotFailedAsync();
    }

    /// <summary>Settles the hub and fails the test with the orchestration's own reason if the deal failed.</summary>
    public async Task EnsureNotFailedAsync()
    {
        OrchestrationMetadata instance = await Host.GetInstanceAsync(DealId);
        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed)
        {
            throw new InvalidOperationException($"The deal failed: {instance.FailureDetails} {instance.FailureDetails?.InnerFailure} {instance.FailureDetails?.StackTrace}");
        }
    }

    /// <summary>What the operator API does: record the decision on the draft, then raise it to the approval.</summary>
    public async Task<bool> DecideAsync(string draftId, DraftDecisionKind decision, string reviewer = "op-1", string? editedText = null)
    {
        DraftStatus to = decision == DraftDecisionKind.Approved ? DraftStatus.Approved : DraftStatus.Rejected;
        DraftUpdate update = await Stores.TransitionAsync(Tenant, draftId, [DraftStatus.PendingApproval], to,
            new DraftChange(reviewer, Host.Clock.GetUtcNow().UtcDateTime, "ok", editedText));
        if (!update.Applied)
        {
            return false;
        }

        await Host.Client.RaiseEventAsync(DealKeys.ApprovalInstanceId(Tenant, draftId), DealEvents.DraftDecided,
            new DraftDecision(draftId, decision, reviewer, EditedText: editedText, CorrelationId: update.Draft!.CorrelationId));
        await Host.WaitForIdleAsync();
        return true;
    }

    public async Task RaiseStageEventAsync(DealStageEvent stageEvent)
    {
        await Host.Client.RaiseEventAsync(DealId, DealEvents.StageEventRaised, stageEvent);
        await EnsureNotFailedAsync();
    }

    public async Task<DealStatus> StatusAsync()
    {
        OrchestrationMetadata instance = await Host.GetInstanceAsync(DealId);
        return instance.ReadCustomStatusAs<DealStatus>()!;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
