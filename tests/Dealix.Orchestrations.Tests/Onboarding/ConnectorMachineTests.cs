using Dealix.Orchestrations.Onboarding;
using Dealix.Orchestrations.Onboarding.Activities;
using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Onboarding.Rules;
using Microsoft.DurableTask;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Orchestrations.Tests.Onboarding;

/// <summary>The §6.3 connector machine with the §6.6 acceptance test and troubleshooting and the §6.5 policy.</summary>
public sealed class ConnectorMachineTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc);

    private static ConnectorUpdate Update(string connector, string state, AcceptanceReport? acceptance = null, string? founder = null, string? reason = null) =>
        new("acme", "cust-1", connector, state, "op-1", "corr", reason, acceptance, founder);

    [Fact]
    public async Task StatedPath_NotStartedConfiguringConnected_LandsInTheStateOfTheDefaultMode()
    {
        var store = new InMemoryConnectorStore();
        Assert.True((await ConnectorChanges.ApplyAsync(store, Update("gmail", "configuring"), Now)).Applied);
        ConnectorUpdateResult connected = await ConnectorChanges.ApplyAsync(store,
            Update("gmail", "connected_draft_only", new AcceptanceReport("draft_created_and_deleted", true)), Now);
        Assert.Equal(("connected_draft_only", "draft_created_and_deleted", Now), (connected.Record!.State, connected.Record.AcceptanceCheck, connected.Record.LastSyncAt));
        Assert.Equal(["failed", "not_started"], connected.Allowed.Order());

        Assert.True((await ConnectorChanges.ApplyAsync(store, Update("google_sheets", "configuring"), Now)).Applied);
        Assert.Equal("connected_approved_execute", (await ConnectorChanges.ApplyAsync(store,
            Update("google_sheets", "connected_approved_execute", new AcceptanceReport("test_row_written", true)), Now)).Record!.State);
    }

    [Theory]
    [InlineData("not_started", "connected_draft_only")]
    [InlineData("not_started", "failed")]
    [InlineData("failed", "connected_draft_only")]
    [InlineData("skipped", "not_started")]
    public void InvalidTransition_IsRefused_WithTheAllowedStates(string from, string to)
    {
        var stored = new ConnectorRecord("acme", "cust-1", "gmail", from, "draft_only");
        ConnectorUpdateResult result = ConnectorMachine.Apply(stored, Update("gmail", to, new AcceptanceReport("draft_created_and_deleted", true)), Now);
        Assert.False(result.Applied);
        Assert.Equal("invalid_transition", result.Error);
        Assert.Equal(ConnectorMachine.AllowedFrom("gmail", from), result.Allowed);
        Assert.NotEmpty(result.Allowed);
        Assert.DoesNotContain(to, result.Allowed);
    }

    [Fact]
    public void EveryPairOfStates_FollowsTheRuleTable()
    {
        foreach (string from in OnboardingRules.ConnectorStates)
        {
            foreach (string to in OnboardingRules.ConnectorStates)
            {
                var stored = new ConnectorRecord("acme", "cust-1", "whatsapp_cloud", from, "draft_only");
                ConnectorUpdateResult result = ConnectorMachine.Apply(stored, Update("whatsapp_cloud", to, new AcceptanceReport("webhook_verified_and_test_inbound", true)), Now);
                bool rule = OnboardingRules.CanTransition("whatsapp_cloud", from, to).Accepted;
                Assert.True(result.Applied == rule || result.Error == "founder_approval_required", $"{from} → {to}: {result.Error}");
            }
        }
    }

    [Fact]
    public void Connecting_NeedsTheConnectorsAcceptanceTest_AndAFailedTestLandsInFailedWithItsCause()
    {
        var configuring = new ConnectorRecord("acme", "cust-1", "whatsapp_cloud", "configuring", "draft_only");
        Assert.Equal("acceptance_required", ConnectorMachine.Apply(configuring, Update("whatsapp_cloud", "connected_draft_only"), Now).Error);
        Assert.Equal("acceptance_required", ConnectorMachine.Apply(configuring,
            Update("whatsapp_cloud", "connected_draft_only", new AcceptanceReport("draft_created_and_deleted", true)), Now).Error);

        ConnectorUpdateResult webhook = ConnectorMachine.Apply(configuring,
            Update("whatsapp_cloud", "connected_draft_only", new AcceptanceReport("webhook_verified_and_test_inbound", false, "webhook")), Now);
        Assert.Equal(("failed", "webhook", 1), (webhook.Record!.State, webhook.Record.FailureReason, webhook.Record.ErrorCount));
        Assert.Equal(["configuring"], webhook.Allowed);
        Assert.Contains("manual_confirmation", ConnectorMachine.AcceptanceChecks("moyasar"));
    }

    [Fact]
    public void RaisingAboveTheDefaultMode_NeedsAFounderApproval()
    {
        var gmail = new ConnectorRecord("acme", "cust-1", "gmail", "connected_draft_only", "draft_only");
        ConnectorUpdateResult refused = ConnectorMachine.Apply(gmail, Update("gmail", "connected_approved_execute"), Now);
        Assert.Equal("acceptance_required", refused.Error);
        refused = ConnectorMachine.Apply(gmail, Update("gmail", "connected_approved_execute", new AcceptanceReport("draft_created_and_deleted", true)), Now);
        Assert.Equal("founder_approval_required", refused.Error);

        ConnectorUpdateResult raised = ConnectorMachine.Apply(gmail,
            Update("gmail", "connected_approved_execute", new AcceptanceReport("draft_created_and_deleted", true), founder: "approval-77"), Now);
        Assert.True(raised.Applied);
        Assert.True(raised.Record!.FounderApproved);
    }

    [Fact]
    public void UnknownConnectorOrState_IsRefusedWithItsCode()
    {
        Assert.Equal("unknown_connector", ConnectorMachine.Apply(null, Update("telegram", "configuring"), Now).Error);
        Assert.Equal("invalid_state", ConnectorMachine.Apply(null, Update("gmail", "live"), Now).Error);
    }

    [Fact]
    public void Gate_NeedsWhatsAppAndOneConnected_SkippedAndFailedCountAsMissing()
    {
        ConnectorGate none = ConnectorMachine.Gate("acme", "c", []);
        Assert.Equal((11, false, 0), (none.Connectors.Count, none.ReadyForFirstService, none.ConnectedCount));
        Assert.Equal(["whatsapp_cloud"], none.BlockingMissing);

        ConnectorGate gmailOnly = ConnectorMachine.Gate("acme", "c", [new("acme", "c", "gmail", "connected_draft_only", "draft_only"), new("acme", "c", "whatsapp_cloud", "skipped", "draft_only")]);
        Assert.False(gmailOnly.ReadyForFirstService);
        ConnectorGate ready = ConnectorMachine.Gate("acme", "c", [new("acme", "c", "whatsapp_cloud", "connected_draft_only", "draft_only")]);
        Assert.Equal((true, 1), (ready.ReadyForFirstService, ready.ConnectedCount));
    }

    [Theory]
    [InlineData("gmail", "connected_draft_only", "send", true, true, "never_enabled_by_connecting")]
    [InlineData("google_calendar", "connected_draft_only", "insert", true, true, "never_enabled_by_connecting")]
    [InlineData("moyasar", "connected_approved_execute", "charge", true, true, "never_automated")]
    [InlineData("whatsapp_cloud", "connected_approved_execute", "cold_send", true, true, "never_automated")]
    [InlineData("google_sheets", "connected_approved_execute", "export", false, true, "live_flag_off")]
    [InlineData("google_sheets", "connected_approved_execute", "export", true, false, "approval_required")]
    [InlineData("google_sheets", "connected_approved_execute", "export", true, true, null)]
    [InlineData("gmail", "connected_draft_only", "create_draft", false, false, null)]
    [InlineData("gmail", "configuring", "create_draft", false, false, "not_connected")]
    public void ConnectingNeverEnables_LiveActionsNeedTheFlagAndAnApproval(string connector, string state, string action, bool live, bool approved, string? refusal)
    {
        Assert.Equal(refusal, ConnectorPolicy.Refusal(connector, state, action, live, approved));
    }

    [Fact]
    public void Troubleshooting_MapsCausesToTasksAndAlerts_AShortOutageRaisesNone()
    {
        TroubleshootPlan gmail = ConnectorTroubleshooting.PlanFor(new("acme", "c", "gmail", "failed", "draft_only", FailureReason: "auth"));
        Assert.Equal(("gmail_recheck_scopes", "operator", false), (gmail.TaskKind, gmail.OwnerRole, gmail.Alert));
        Assert.Equal("moyasar_manual", ConnectorTroubleshooting.PlanFor(new("acme", "c", "moyasar", "failed", "manual", FailureReason: "auth")).TaskKind);
        Assert.True(ConnectorTroubleshooting.PlanFor(new("acme", "c", "website_forms", "failed", "approved_execute", FailureReason: "webhook")).Alert);
        Assert.False(ConnectorTroubleshooting.PlanFor(new("acme", "c", "gmail", "failed", "draft_only", FailureReason: "outage"), outageMinutes: 3).Alert);
        Assert.True(ConnectorTroubleshooting.PlanFor(new("acme", "c", "gmail", "failed", "draft_only", FailureReason: "outage"), outageMinutes: 7).Alert);
    }

    [Fact]
    public async Task AcceptanceTestActivity_AppliesThroughTheStore_AndARetryOfADoneMoveIsRefused()
    {
        var store = new InMemoryConnectorStore();
        var activity = new RunConnectorAcceptanceTest(store, new FakeTimeProvider(new DateTimeOffset(Now)));
        TaskActivityContext context = Mock.Of<TaskActivityContext>();
        Assert.True((await activity.RunAsync(context, Update("google_calendar", "configuring"))).Applied);
        ConnectorUpdate connect = Update("google_calendar", "connected_draft_only", new AcceptanceReport("free_busy_read", true));
        Assert.True((await activity.RunAsync(context, connect)).Applied);
        ConnectorUpdateResult again = await activity.RunAsync(context, connect);
        Assert.Equal("invalid_transition", again.Error);
        Assert.Equal("connected_draft_only", Assert.Single(await store.ListAsync("acme", "cust-1")).State);
    }
}
