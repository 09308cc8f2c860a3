using System.Collections.Concurrent;
using Dealix.Functions.Infrastructure.OperatorConsole;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Functions.Infrastructure.Webhooks;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Functions.Infrastructure.Tests.Webhooks;

public sealed class DealInboxTests
{
    private readonly MemoryDeduplicator _seen = new();
    private readonly InMemoryDealStores _stores = new();
    private readonly Mock<DurableTaskClient> _client = new("test");
    private readonly MemoryThread _thread = new();

    private DealInbox Inbox() => new(_seen, _stores, new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero)), _thread);

    private static InboundWebhookMessage Message(string id = "wamid.1", string? text = "كم السعر؟") =>
        new("whatsapp_cloud", MessageChannel.WhatsApp, id, "966511111111", "106540352242922", "text", text, new DateTime(2026, 11, 22, 5, 59, 0, DateTimeKind.Utc));

    [Fact]
    public async Task Accept_FirstMessage_StartsTheDealUnderItsBusinessKey()
    {
        _client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? o, CancellationToken _) => o!.InstanceId!);

        InboxResult result = await Inbox().AcceptAsync(_client.Object, "acme", Message(), "corr-1");

        Assert.Equal(InboxOutcome.Started, result.Outcome);
        Assert.StartsWith("deal:acme:wa-", result.InstanceId, StringComparison.Ordinal);
        (string deal, InboundMessage recorded) = Assert.Single(_thread.Recorded);
        Assert.Equal((result.InstanceId, "wamid.1", "كم السعر؟"), (deal, recorded.ProviderMessageId, recorded.Text)); // on record for the approval queue
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(DealLifecycleOrchestrator.Name,
            It.Is<DealState>(s => s.FirstMessage!.CorrelationId == "corr-1" && s.Address == "966511111111"), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Accept_Redelivery_IsADuplicateAndTouchesNoWorkflow()
    {
        _client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(DealLifecycleOrchestrator.Name, "x") { RuntimeStatus = OrchestrationRuntimeStatus.Running });
        await Inbox().AcceptAsync(_client.Object, "acme", Message(), "corr-1");

        InboxResult again = await Inbox().AcceptAsync(_client.Object, "acme", Message(), "corr-2");

        Assert.Equal(InboxOutcome.Duplicate, again.Outcome);
        _client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), DealEvents.InboundMessageReceived, It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Accept_HandOverFails_ForgetsTheIdSoTheRetryIsProcessed()
    {
        _client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("storage down"));

        await Assert.ThrowsAsync<IOException>(() => Inbox().AcceptAsync(_client.Object, "acme", Message(), "corr-1"));

        Assert.Empty(_seen.Ids);
    }

    [Fact]
    public async Task Accept_RedeliveryOfAMessageRecordedButNeverHandedOver_IsHandedOver()
    {
        // The first delivery's process died between recording the id and handing the message over (no catch block ran).
        _client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(DealLifecycleOrchestrator.Name, "x") { RuntimeStatus = OrchestrationRuntimeStatus.Running });
        await _seen.TryRecordAsync("whatsapp_cloud", "wamid.1");

        InboxResult redelivered = await Inbox().AcceptAsync(_client.Object, "acme", Message(), "corr-2");
        InboxResult again = await Inbox().AcceptAsync(_client.Object, "acme", Message(), "corr-3");

        Assert.Equal((InboxOutcome.Raised, InboxOutcome.Duplicate), (redelivered.Outcome, again.Outcome));
        _client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), DealEvents.InboundMessageReceived, It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Accept_ImageWithoutText_IsRecordedButStartsNothing()
    {
        InboxResult result = await Inbox().AcceptAsync(_client.Object, "acme", Message(text: null) with { Type = "image" }, "corr-1");

        Assert.Equal(InboxOutcome.Ignored, result.Outcome);
        Assert.Contains(_stores.Ledger, e => e.Action == "inbound_ignored" && e.Reason == "non_text:image");
        _client.VerifyNoOtherCalls();
    }

    private sealed class MemoryDeduplicator : IInboundDeduplicator
    {
        /// <summary>Id to handed over.</summary>
        public ConcurrentDictionary<string, bool> Ids { get; } = new();

        public Task<bool> TryRecordAsync(string provider, string providerMessageId, CancellationToken cancellationToken = default) =>
            Task.FromResult(Ids.TryAdd($"{provider}|{providerMessageId}", false));

        public Task<bool> IsHandedOverAsync(string provider, string providerMessageId, CancellationToken cancellationToken = default) =>
            Task.FromResult(Ids.GetValueOrDefault($"{provider}|{providerMessageId}", true));

        public Task MarkHandedOverAsync(string provider, string providerMessageId, CancellationToken cancellationToken = default)
        {
            Ids[$"{provider}|{providerMessageId}"] = true;
            return Task.CompletedTask;
        }

        public Task ForgetAsync(string provider, string providerMessageId, CancellationToken cancellationToken = default)
        {
            Ids.TryRemove($"{provider}|{providerMessageId}", out _);
            return Task.CompletedTask;
        }
    }

    /// <summary>The deal thread in memory: what the inbox recorded.</summary>
    private sealed class MemoryThread : IDealThread
    {
        public ConcurrentQueue<(string Deal, InboundMessage Message)> Recorded { get; } = new();

        public Task RecordInboundAsync(string dealInstanceId, InboundMessage message, CancellationToken cancellationToken = default)
        {
            Recorded.Enqueue((dealInstanceId, message));
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<ThreadMessage>> ListInboundAsync(string tenantId, string dealInstanceId, int max = 50, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ThreadMessage>>([.. Recorded.Where(r => r.Deal == dealInstanceId && r.Message.TenantId == tenantId)
                .Select(r => new ThreadMessage(r.Message.ProviderMessageId, "inbound", r.Message.Channel, r.Message.Text, r.Message.ReceivedAt, r.Message.CorrelationId))]);
    }
}
