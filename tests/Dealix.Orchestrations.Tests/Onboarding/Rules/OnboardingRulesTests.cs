using Dealix.Orchestrations.Onboarding.Rules;

namespace Dealix.Orchestrations.Tests.Onboarding.Rules;

public class OnboardingRulesTests
{
    [Fact]
    public void Steps_EightInOrderWith27SynchronousMinutes()
    {
        Assert.Equal(8, OnboardingRules.Steps.Count);
        Assert.Equal("select_goal", OnboardingRules.Steps[0].Id);
        Assert.Equal("first_proof_pack", OnboardingRules.Steps[^1].Id);
        Assert.Equal(27, OnboardingRules.SynchronousMinutes);
        Assert.Equal(5, OnboardingRules.Steps.Count(s => s.NeedsApproval));
    }

    [Theory]
    [InlineData("select_goal", new string[0], null)]
    [InlineData("company_intake", new[] { "select_goal" }, "step_out_of_order")]
    [InlineData("company_intake", new[] { "select_goal", "select_bundle" }, null)]
    [InlineData("launch_rockets", new string[0], "unknown_step")]
    [InlineData("", new string[0], "unknown_step")]
    public void CanComplete_Step_EnforcesOrder(string step, string[] done, string? error) =>
        Assert.Equal(error, OnboardingRules.CanComplete(step, done.ToHashSet()).Error);

    [Fact]
    public void ProgressAndCurrentStep_ThreeDone_Is38PercentAtConnectChannels()
    {
        var done = new HashSet<string> { "select_goal", "select_bundle", "company_intake" };

        Assert.Equal(38, OnboardingRules.ProgressPercent(done));
        Assert.Equal("connect_channels", OnboardingRules.CurrentStep(done));
    }

    [Fact]
    public void Connectors_ElevenWithWhatsAppTheOnlyBlocking()
    {
        Assert.Equal(11, OnboardingRules.Connectors.Count);
        Assert.Equal("whatsapp_cloud", Assert.Single(OnboardingRules.Connectors, c => c.Blocking).Id);
    }

    [Theory]
    [InlineData("gmail", "not_started", "configuring", false, null)]
    [InlineData("gmail", "configuring", "connected_draft_only", false, null)]
    [InlineData("gmail", "configuring", "connected_approved_execute", false, "invalid_transition")]
    [InlineData("google_sheets", "configuring", "connected_approved_execute", false, null)]
    [InlineData("gmail", "connected_draft_only", "connected_approved_execute", false, "invalid_transition")]
    [InlineData("gmail", "connected_draft_only", "connected_approved_execute", true, null)]
    [InlineData("gmail", "not_started", "connected_draft_only", false, "invalid_transition")]
    [InlineData("gmail", "failed", "configuring", false, null)]
    [InlineData("gmail", "connected_draft_only", "live", false, "invalid_state")]
    [InlineData("telegram", "not_started", "configuring", false, "unknown_connector")]
    public void CanTransition_Connector_FollowsStateMachine(string id, string from, string to, bool founder, string? error) =>
        Assert.Equal(error, OnboardingRules.CanTransition(id, from, to, founder).Error);

    [Fact]
    public void Summarize_WhatsAppSkipped_IsNotReady()
    {
        ConnectorSummary summary = OnboardingRules.Summarize(new Dictionary<string, string> { ["gmail"] = "connected_draft_only", ["whatsapp_cloud"] = "skipped" });

        Assert.False(summary.ReadyForFirstService);
        Assert.Equal(["whatsapp_cloud"], summary.BlockingMissing);
    }

    [Fact]
    public void Summarize_WhatsAppConnected_IsReady() =>
        Assert.True(OnboardingRules.Summarize(new Dictionary<string, string> { ["whatsapp_cloud"] = "connected_draft_only" }).ReadyForFirstService);

    [Fact]
    public void Summarize_Nothing_IsNotReady() =>
        Assert.False(OnboardingRules.Summarize(new Dictionary<string, string>()).ReadyForFirstService);
}
