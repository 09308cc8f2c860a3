using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Orchestrations.Tests.Deals.Lifecycle;

public sealed class AutoSendPolicyTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

    private static readonly DealSettings Live = new(new HashSet<MessageChannel> { MessageChannel.WhatsApp }, true, new Dictionary<string, string>());

    private static ReplyPolicyInput Input(DealStage stage = DealStage.Qualifying, bool categoryAllows = true, DateTime? lastInbound = null) =>
        new("acme", "wa-1", MessageChannel.WhatsApp, "966500000000", stage, "ask_demo", categoryAllows, true, lastInbound ?? Now.AddMinutes(-5), false, "text");

    [Fact]
    public void Refusals_EveryConditionHolds_AllowsAutoSend()
    {
        Assert.Empty(AutoSendPolicy.Refusals(Live, paused: false, Input(), ComplianceCheck.Allowed, "hello", Now));
    }

    [Fact]
    public void Refusals_DefaultSettings_RefuseBecauseLiveSendIsOff()
    {
        Assert.Equal(["live_send_off", "auto_reply_not_enabled"], AutoSendPolicy.Refusals(DealSettings.Off, false, Input(), ComplianceCheck.Allowed, "hello", Now));
    }

    [Theory]
    [InlineData(true, DealStage.Qualifying, true, 5, "allowed", "hello", "kill_switch")]
    [InlineData(false, DealStage.Negotiating, true, 5, "allowed", "hello", "approval_stage")]
    [InlineData(false, DealStage.Qualifying, false, 5, "allowed", "hello", "category_needs_approval")]
    [InlineData(false, DealStage.Qualifying, true, 25 * 60, "allowed", "hello", "whatsapp_window_closed")]
    [InlineData(false, DealStage.Qualifying, true, 5, "warn", "hello", "compliance_warn")]
    [InlineData(false, DealStage.Qualifying, true, 5, "allowed", "book: {booking_link}", "unfilled_placeholder")]
    public void Refusals_AnyConditionFails_RefusesWithItsReason(bool paused, DealStage stage, bool categoryAllows, int minutesSinceInbound, string compliance, string text, string reason)
    {
        IReadOnlyList<string> refusals = AutoSendPolicy.Refusals(Live, paused, Input(stage, categoryAllows, Now.AddMinutes(-minutesSinceInbound)), compliance, text, Now);

        Assert.Equal([reason], refusals);
    }

    [Theory]
    [InlineData(MessageChannel.Email, "lead@acme.sa", null, "allowed")]
    [InlineData(MessageChannel.Email, "lead@gmail.com", null, "warn")]
    [InlineData(MessageChannel.Email, "not-an-address", null, "blocked")]
    [InlineData(MessageChannel.WhatsApp, "966500000000", "unsubscribe", "blocked")]
    [InlineData(MessageChannel.WhatsApp, "966500000000", null, "allowed")]
    public void ComplianceCheck_InboundContact_FollowsSection10_3(MessageChannel channel, string address, string? suppression, string outcome)
    {
        Assert.Equal(outcome, ComplianceCheck.Check(channel, address, suppression).Outcome);
    }
}
