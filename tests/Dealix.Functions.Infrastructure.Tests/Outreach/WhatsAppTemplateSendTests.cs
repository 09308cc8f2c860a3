using System.Collections.Concurrent;
using Dealix.Functions.Infrastructure.Approvals;
using Dealix.Functions.Infrastructure.Channels;
using Dealix.Functions.Infrastructure.Outbox;
using Dealix.Functions.Infrastructure.Outreach;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Functions.Infrastructure.Tests.Outreach;

/// <summary>
/// WhatsApp outside the 24-hour window (§7.2, channels.md §1.6–1.7) against a loopback Graph API and Ultramsg: a
/// follow-up goes back for approval as the tenant's template message; once approved it goes out once, through the Cloud
/// API only, in the template request shape; the opt-in record of §7.4 is checked first.
/// </summary>
public sealed class WhatsAppTemplateSendTests : IAsyncLifetime
{
    private const string Number = "966511111111";
    private readonly InMemoryDealStores _stores = new();
    private readonly OptIns _optIns = new();
    private readonly Mock<IOperatorNotifier> _notifier = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero));
    private FakeProvider _graph = null!;
    private FakeProvider _ultramsg = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeProvider.StartAsync();
        _graph.Answer(200, """{"messaging_product":"whatsapp","contacts":[{"input":"966511111111","wa_id":"966511111111"}],"messages":[{"id":"wamid.TPL"}]}""");
        _ultramsg = await FakeProvider.StartAsync();
        _ultramsg.Answer(200, """{"sent":"true","message":"ok","id":1}""");
        _notifier.Setup(n => n.NotifyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<ApprovalStepKind>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);
    }

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        await _ultramsg.DisposeAsync();
    }

    [Fact]
    public async Task FollowUp_OutsideTheWindow_IsReapprovedAsATemplateAndSentOnceInTheTemplateShape()
    {
        await _optIns.AddAsync(new WhatsAppOptInRecord("acme", "wa-1", Number, "form", _clock.GetUtcNow().UtcDateTime.AddDays(-30), "نعم، أبغى رسائل واتساب", "form-77"));
        OutboundMessage message = await ApprovedFollowUpAsync();

        Assert.Equal(SendDisposition.PendingTemplateApproval, await Sender().HandleAsync(message));
        ReplyDraft proposed = (await _stores.GetAsync("acme", "d1"))!;
        Assert.Equal((DraftStatus.PendingApproval, "deal_followup", "ar"), (proposed.Status, proposed.Template!.Name, proposed.Template.Language));
        Assert.Equal(["أحمد", "Q-1042"], proposed.Template.Parameters);
        Assert.Empty(_graph.Requests);
        Assert.Empty(_ultramsg.Requests);
        _notifier.Verify(n => n.NotifyAsync("acme", "d1", ApprovalStepKind.Reminder, "corr-1", "template:d1", It.IsAny<CancellationToken>()), Times.Once);

        // Not approved yet: a redelivery sends nothing.
        Assert.Equal(SendDisposition.Skipped, await Sender().HandleAsync(message));

        // The operator approves the template message; it goes out once, through the Cloud API only.
        await _stores.TransitionAsync("acme", "d1", [DraftStatus.PendingApproval], DraftStatus.Approved, new DraftChange("op-1", _clock.GetUtcNow().UtcDateTime));
        Assert.Equal(SendDisposition.Sent, await Sender().HandleAsync(message));
        Assert.Equal(SendDisposition.Skipped, await Sender().HandleAsync(message));

        Assert.Empty(_ultramsg.Requests);
        RecordedRequest request = Assert.Single(_graph.Requests);
        Assert.Equal("/v23.0/106540352242922/messages", request.PathAndQuery);
        Assert.Equal("Bearer token", request.Headers["Authorization"]);
        Assert.Equal("""{"messaging_product":"whatsapp","to":"966511111111","type":"template","template":{"name":"deal_followup","language":{"code":"ar"},"components":[{"type":"body","parameters":[{"type":"text","text":"أحمد"},{"type":"text","text":"Q-1042"}]}]}}""",
            request.BodyText);
        Assert.Equal((DraftStatus.Sent, "wamid.TPL"), ((await _stores.GetAsync("acme", "d1"))!.Status, (await _stores.GetAsync("acme", "d1"))!.ProviderMessageId));
    }

    [Fact]
    public async Task FollowUp_WithoutOptInRecord_IsNeverSent()
    {
        OutboundMessage message = await ApprovedFollowUpAsync();

        Assert.Equal(SendDisposition.ManualRequired, await Sender().HandleAsync(message));
        Assert.Equal(("no_whatsapp_opt_in", DraftStatus.ManualRequired), ((await _stores.GetAsync("acme", "d1"))!.DecisionReason, (await _stores.GetAsync("acme", "d1"))!.Status));
        Assert.Empty(_graph.Requests);
        Assert.Empty(_ultramsg.Requests);
    }

    [Fact]
    public async Task Reply_InsideTheWindow_RecordsTheInboundOptInAndGoesFreeForm()
    {
        await _stores.CreateAsync(Draft(DraftKind.Reply) with { InReplyToMessageId = "wamid.IN-1", ExpiresAt = _clock.GetUtcNow().UtcDateTime.AddHours(20) });

        Assert.Equal(SendDisposition.Sent, await Sender().HandleAsync(new OutboundMessage("acme", "d1", "deal:acme:wa-1", MessageChannel.WhatsApp, "corr-1", false)));

        WhatsAppOptInRecord record = (await _optIns.FindAsync("acme", Number))!;
        Assert.Equal(("inbound", "wamid.IN-1"), (record.Source, record.EvidenceRef));
        Assert.Empty(_graph.Requests); // Ultramsg first for free-form text
        Assert.Single(_ultramsg.Requests);
    }

    private async Task<OutboundMessage> ApprovedFollowUpAsync()
    {
        await _stores.CreateAsync(Draft(DraftKind.FollowUp));
        return new OutboundMessage("acme", "d1", "deal:acme:wa-1", MessageChannel.WhatsApp, "corr-1", false);
    }

    private ReplyDraft Draft(DraftKind kind) => new()
    {
        DraftId = "d1",
        TenantId = "acme",
        DealInstanceId = "deal:acme:wa-1",
        ContactId = "wa-1",
        Channel = MessageChannel.WhatsApp,
        To = Number,
        Text = "نذكركم بعرضنا",
        Kind = kind,
        Category = "follow_up",
        Stage = DealStage.ProposalSent,
        Status = DraftStatus.Approved,
        CorrelationId = "corr-1",
        CreatedAt = _clock.GetUtcNow().UtcDateTime,
        Reviewer = "op-1",
        ExpiresAt = _clock.GetUtcNow().UtcDateTime.AddHours(72),
    };

    private OutboxSender Sender()
    {
        var killSwitch = new Mock<IKillSwitch>();
        var settings = new Mock<IDealSettings>();
        settings.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(new DealSettings(
            new HashSet<MessageChannel> { MessageChannel.WhatsApp }, false,
            new Dictionary<string, string> { ["contact_first_name"] = "أحمد", ["quote_ref"] = "Q-1042" }));
        var cloud = new WhatsAppCloudAdapter(new HttpClient(), Options.Create(new WhatsAppOptions
        {
            GraphBaseUrl = _graph.BaseUrl,
            PhoneNumberId = "106540352242922",
            AccessToken = "token",
        }));
        var ultramsg = new UltramsgAdapter(new HttpClient(), Options.Create(new UltramsgOptions { BaseUrl = _ultramsg.BaseUrl, InstanceId = "instance1", Token = "t" }));
        var templates = new WhatsAppTemplateOptions();
        templates.Kinds["follow_up"] = new TemplateSetting { Name = "deal_followup", Language = "ar", Parameters = ["contact_first_name", "quote_ref"] };
        var links = new UnsubscribeLinks(Options.Create(new ApprovalOptions { CallbackSigningKey = new string('k', 40) }), Options.Create(new SmtpOptions()));
        return new OutboxSender(_stores, _stores, killSwitch.Object, settings.Object, _stores, new Mock<IOutbox>().Object, _notifier.Object,
            new ChannelRouter([ultramsg, cloud]), links, Options.Create(new OutboxOptions()), _clock, NullLogger<OutboxSender>.Instance,
            _optIns, Options.Create(templates));
    }

    private sealed class OptIns : IWhatsAppOptIns
    {
        private readonly ConcurrentDictionary<(string, string), WhatsAppOptInRecord> _records = new();

        public Task<WhatsAppOptInRecord?> FindAsync(string tenantId, string phone, CancellationToken cancellationToken = default) =>
            Task.FromResult(_records.TryGetValue((tenantId, phone), out WhatsAppOptInRecord? r) ? r : null);

        public Task AddAsync(WhatsAppOptInRecord record, CancellationToken cancellationToken = default)
        {
            _records.TryAdd((record.TenantId, record.Phone), record);
            return Task.CompletedTask;
        }
    }
}
