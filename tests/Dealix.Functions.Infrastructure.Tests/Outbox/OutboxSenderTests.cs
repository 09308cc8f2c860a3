using Dealix.Functions.Infrastructure.Approvals;
using Dealix.Functions.Infrastructure.Channels;
using Dealix.Functions.Infrastructure.Outbox;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Functions.Infrastructure.Tests.Outbox;

public sealed class OutboxSenderTests : IAsyncLifetime
{
    private readonly InMemoryDealStores _stores = new();
    private readonly Mock<IOutbox> _outbox = new();
    private readonly Mock<IOperatorNotifier> _notifier = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero));
    private FakeProvider _graph = null!;
    private bool _paused;
    private DealSettings _settings = new(new HashSet<MessageChannel> { MessageChannel.WhatsApp }, false, new Dictionary<string, string>());

    public async Task InitializeAsync()
    {
        _graph = await FakeProvider.StartAsync();
        _graph.Answer(200, """{"messages":[{"id":"wamid.SENT"}]}""");
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task Handle_ApprovedDraftDeliveredTwice_SendsExactlyOnce()
    {
        OutboundMessage message = await ApprovedAsync();

        Assert.Equal(SendDisposition.Sent, await Sender().HandleAsync(message));
        Assert.Equal(SendDisposition.Skipped, await Sender().HandleAsync(message));

        Assert.Single(_graph.Requests);
        ReplyDraft draft = (await _stores.GetAsync("acme", "d1"))!;
        Assert.Equal((DraftStatus.Sent, "wamid.SENT"), (draft.Status, draft.ProviderMessageId));
        Assert.Contains(_stores.Ledger, e => e.Action == "send" && e.Outcome == "sent" && e.CorrelationId == "corr-1" && e.ApprovalId == "d1");
    }

    [Fact]
    public async Task Handle_ConcurrentDeliveries_SendOnce()
    {
        OutboundMessage message = await ApprovedAsync();

        SendDisposition[] outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Sender().HandleAsync(message))));

        Assert.Equal(1, outcomes.Count(o => o == SendDisposition.Sent));
        Assert.Single(_graph.Requests);
    }

    [Fact]
    public async Task Handle_LiveSendingOff_RecordsSimulatedAndCallsNoProvider()
    {
        _settings = DealSettings.Off;
        OutboundMessage message = await ApprovedAsync();

        Assert.Equal(SendDisposition.Simulated, await Sender().HandleAsync(message));

        Assert.Empty(_graph.Requests);
        Assert.Equal(DraftStatus.Simulated, (await _stores.GetAsync("acme", "d1"))!.Status);
        Assert.Contains(_stores.Ledger, e => e.Outcome == "simulated");
    }

    [Fact]
    public async Task Handle_KillSwitchOn_HoldsTheMessageUntilResumed()
    {
        OutboundMessage message = await ApprovedAsync();
        _paused = true;

        Assert.Equal(SendDisposition.Held, await Sender().HandleAsync(message));
        Assert.Empty(_graph.Requests);
        _outbox.Verify(o => o.EnqueueAsync(message, TimeSpan.FromSeconds(30), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(DraftStatus.Approved, (await _stores.GetAsync("acme", "d1"))!.Status);

        _paused = false;
        Assert.Equal(SendDisposition.Sent, await Sender().HandleAsync(message));
        Assert.Single(_graph.Requests);
    }

    [Fact]
    public async Task Handle_NotApproved_SendsNothing()
    {
        OutboundMessage message = await ApprovedAsync(DraftStatus.PendingApproval);

        Assert.Equal(SendDisposition.Skipped, await Sender().HandleAsync(message));
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task Handle_SuppressedSinceApproval_CancelsTheDraft()
    {
        OutboundMessage message = await ApprovedAsync();
        await _stores.AddAsync(new SuppressionRecord("acme", MessageChannel.WhatsApp, "966511111111", "unsubscribe", _clock.GetUtcNow().UtcDateTime, "m9", "corr-9"));

        Assert.Equal(SendDisposition.Cancelled, await Sender().HandleAsync(message));
        Assert.Empty(_graph.Requests);
        Assert.Equal(DraftStatus.Cancelled, (await _stores.GetAsync("acme", "d1"))!.Status);
    }

    [Fact]
    public async Task Handle_ApprovedMessageCarryingACredential_IsNeverSent_RedLine5()
    {
        OutboundMessage message = await ApprovedAsync(text: "Here is the key: AccountKey=Zm9vYmFyYmF6cXV4cXV1eHh5enp5eHh4eHg=");

        Assert.Equal(SendDisposition.Refused, await Sender().HandleAsync(message));
        Assert.Empty(_graph.Requests);
        Assert.Equal(DraftStatus.Cancelled, (await _stores.GetAsync("acme", "d1"))!.Status);
        Assert.Contains(_stores.Ledger, e => e.Action == "send" && e.Outcome == "refused" && e.Reason == "red_line_secrets");
    }

    [Fact]
    public async Task Handle_LoopActionApproval_IsARecordNotAMessage()
    {
        OutboundMessage message = await ApprovedAsync(kind: DraftKind.LoopAction);

        Assert.Equal(SendDisposition.Refused, await Sender().HandleAsync(message));
        Assert.Empty(_graph.Requests);
        Assert.Contains(_stores.Ledger, e => e.Action == "send" && e.Outcome == "refused" && e.Reason == "loop_approval_is_not_a_message");
    }

    [Fact]
    public async Task Handle_NoCorrelationId_IsRefusedAndAudited()
    {
        OutboundMessage message = await ApprovedAsync() with { CorrelationId = "" };

        Assert.Equal(SendDisposition.Refused, await Sender().HandleAsync(message));
        Assert.Empty(_graph.Requests);
        Assert.Contains(_stores.Ledger, e => e.Action == "missing_correlation_id" && e.Outcome == "refused");
    }

    [Fact]
    public async Task Handle_ProviderAnswerLost_GoesToAnOperatorAndIsNeverRetried()
    {
        _graph.Reset().Answer(500, """{"error":{"code":131000}}""");
        OutboundMessage message = await ApprovedAsync();

        Assert.Equal(SendDisposition.Unknown, await Sender().HandleAsync(message));
        Assert.Equal(SendDisposition.Skipped, await Sender().HandleAsync(message));

        Assert.Single(_graph.Requests);
        Assert.Equal(DraftStatus.SendUnknown, (await _stores.GetAsync("acme", "d1"))!.Status);
        _notifier.Verify(n => n.NotifyAsync("acme", "d1", ApprovalStepKind.Escalation, "corr-1", "send-unknown:d1", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Handle_RedeliveryAfterSenderDiedBeforeTheProviderCall_RetriesAndSendsOnce()
    {
        OutboundMessage message = await ApprovedAsync();
        await ClaimAsync(dispatched: false); // the process died between the claim and the provider call
        Assert.Equal(SendDisposition.Skipped, await Sender().HandleAsync(message)); // the claim may still be alive

        _clock.Advance(new OutboxOptions().SendingLease);

        Assert.Equal(SendDisposition.Sent, await Sender().HandleAsync(message));
        Assert.Single(_graph.Requests);
        ReplyDraft draft = (await _stores.GetAsync("acme", "d1"))!;
        Assert.Equal((DraftStatus.Sent, 2), (draft.Status, draft.SendAttempts));
        Assert.Contains(_stores.Ledger, e => e.Action == "send_retry" && e.Reason == "claim_abandoned_before_provider_call");
        _notifier.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Handle_RedeliveryAfterSenderDiedAfterDispatch_IsSendUnknownAndAnOperatorIsTold()
    {
        OutboundMessage message = await ApprovedAsync();
        await ClaimAsync(dispatched: true); // the process died while the provider may have had the request
        _clock.Advance(new OutboxOptions().SendingLease);

        Assert.Equal(SendDisposition.Unknown, await Sender().HandleAsync(message));

        Assert.Empty(_graph.Requests);
        Assert.Equal(DraftStatus.SendUnknown, (await _stores.GetAsync("acme", "d1"))!.Status);
        _notifier.Verify(n => n.NotifyAsync("acme", "d1", ApprovalStepKind.Escalation, "corr-1", "send-unknown:d1", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Handle_TimeoutBeforeTheRequestLeft_IsRequeuedNotFlagged()
    {
        OutboundMessage message = await ApprovedAsync();

        Assert.Equal(SendDisposition.Retried, await Sender(new HoldingHandler(TimeSpan.FromSeconds(5))).HandleAsync(message));

        ReplyDraft draft = (await _stores.GetAsync("acme", "d1"))!;
        Assert.Equal((DraftStatus.Approved, null), (draft.Status, draft.ClaimId));
        _outbox.Verify(o => o.EnqueueAsync(message, new OutboxOptions().RetryDelay, It.IsAny<CancellationToken>()), Times.Once);
        _notifier.VerifyNoOtherCalls();
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task Handle_WhatsAppWindowClosedWhileHeld_IsNotSentFreeForm()
    {
        OutboundMessage message = await ApprovedAsync();
        _paused = true;
        await Sender().HandleAsync(message);
        _clock.Advance(TimeSpan.FromHours(25)); // the kill switch held it past the 24-hour window
        _paused = false;

        Assert.Equal(SendDisposition.ManualRequired, await Sender().HandleAsync(message));
        Assert.Empty(_graph.Requests);
        Assert.Equal(("whatsapp_window_closed", DraftStatus.ManualRequired),
            ((await _stores.GetAsync("acme", "d1"))!.DecisionReason, (await _stores.GetAsync("acme", "d1"))!.Status));
    }

    [Fact]
    public async Task Handle_LinkedIn_IsManualRequired()
    {
        OutboundMessage message = await ApprovedAsync(channel: MessageChannel.LinkedIn);

        Assert.Equal(SendDisposition.ManualRequired, await Sender().HandleAsync(message));
        Assert.Equal(DraftStatus.ManualRequired, (await _stores.GetAsync("acme", "d1"))!.Status);
    }

    private async Task<OutboundMessage> ApprovedAsync(DraftStatus status = DraftStatus.Approved, MessageChannel channel = MessageChannel.WhatsApp, string text = "أكيد", DraftKind kind = DraftKind.Reply)
    {
        await _stores.CreateAsync(new ReplyDraft
        {
            DraftId = "d1",
            TenantId = "acme",
            DealInstanceId = "deal:acme:wa-1",
            ContactId = "wa-1",
            Channel = channel,
            To = "966511111111",
            Text = text,
            Kind = kind,
            Category = "ask_price",
            Stage = DealStage.Qualifying,
            Status = status,
            CorrelationId = "corr-1",
            CreatedAt = _clock.GetUtcNow().UtcDateTime,
            Reviewer = "op-1",
            ExpiresAt = _clock.GetUtcNow().UtcDateTime.AddHours(24),
        });
        return new OutboundMessage("acme", "d1", "deal:acme:wa-1", channel, "corr-1", false);
    }

    private async Task ClaimAsync(bool dispatched)
    {
        DateTime now = _clock.GetUtcNow().UtcDateTime;
        await _stores.TransitionAsync("acme", "d1", [DraftStatus.Approved], DraftStatus.Sending, new DraftChange(At: now) { ClaimId = "dead-claim" });
        if (dispatched)
        {
            await _stores.TransitionAsync("acme", "d1", [DraftStatus.Sending], DraftStatus.Sending, new DraftChange(At: now) { IfClaimId = "dead-claim", Dispatched = true });
        }
    }

    private OutboxSender Sender(HttpMessageHandler? handler = null)
    {
        var killSwitch = new Mock<IKillSwitch>();
        killSwitch.Setup(k => k.IsPausedAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => _paused);
        var settings = new Mock<IDealSettings>();
        settings.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => _settings);
        var cloud = new WhatsAppCloudAdapter(handler is null ? new HttpClient() : new HttpClient(handler), Options.Create(new WhatsAppOptions
        {
            GraphBaseUrl = _graph.BaseUrl,
            PhoneNumberId = "106540352242922",
            AccessToken = "token",
            Timeout = handler is null ? TimeSpan.FromSeconds(10) : TimeSpan.FromMilliseconds(300),
        }));
        var links = new UnsubscribeLinks(Options.Create(new ApprovalOptions { CallbackSigningKey = new string('k', 40) }), Options.Create(new SmtpOptions()));
        return new OutboxSender(_stores, _stores, killSwitch.Object, settings.Object, _stores, _outbox.Object, _notifier.Object,
            new ChannelRouter([cloud]), links, Options.Create(new OutboxOptions()), _clock, NullLogger<OutboxSender>.Instance);
    }

    /// <summary>Holds each request for a while before it goes out, honouring cancellation.</summary>
    private sealed class HoldingHandler(TimeSpan hold) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(hold, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
