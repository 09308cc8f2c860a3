using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.SelfImprovement.Activities;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Ports;
using Dealix.Orchestrations.SelfImprovement.Rules;
using Dealix.Orchestrations.Tests.Deals;
using Microsoft.DurableTask;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Orchestrations.Tests.SelfImprovement;

/// <summary>Each red line of §17.9 refuses, with its code and reason, whoever approved; the ledger records the refusal.</summary>
public class RedLinesTests
{
    private static AutomatedAction Act(string action, string? approvedBy = null) => new("acme", action, "corr-1", "t-1") { ApprovedBy = approvedBy };

    [Theory]
    [InlineData("transfer_money")]
    [InlineData("invest")]
    [InlineData("transfer_to_savings")]
    [InlineData("refund")]
    public void RedLine1_Money_IsRefusedEvenWhenApproved(string action)
    {
        Verdict v = LoopGuard.Check(Act(action, approvedBy: "founder"));
        Assert.Equal((Verdict.RefusedOutcome, RedLines.Money), (v.Outcome, v.Code));
        Assert.Contains("Red line 1", v.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hire")]
    [InlineData("fire")]
    [InlineData("terminate_employee")]
    public void RedLine2_HireOrFire_IsRefused(string action)
    {
        Verdict v = LoopGuard.Check(Act(action, approvedBy: "founder"));
        Assert.Equal((Verdict.RefusedOutcome, RedLines.People), (v.Outcome, v.Code));
        Assert.Contains("Red line 2", v.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("suspend_contract")]
    [InlineData("terminate_contract")]
    public void RedLine3_SuspendContract_IsRefused(string action)
    {
        Verdict v = LoopGuard.Check(Act(action, approvedBy: "founder"));
        Assert.Equal((Verdict.RefusedOutcome, RedLines.Contracts), (v.Outcome, v.Code));
        Assert.Contains("Red line 3", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RedLine4_Media_IsRefusedWithoutApproval_AndAllowedOnlyWithIt()
    {
        Verdict alone = LoopGuard.Check(Act("contact_media"));
        Assert.Equal((Verdict.RefusedOutcome, RedLines.Media), (alone.Outcome, alone.Code));
        Verdict pressSend = LoopGuard.Check(new AutomatedAction("acme", "send_message", "corr-1", "d-1") { Audience = "media" });
        Assert.Equal(RedLines.Media, pressSend.Code);

        Verdict approved = LoopGuard.Check(Act("contact_media", approvedBy: "founder"));
        Assert.Equal((Verdict.AllowedOutcome, "approved"), (approved.Outcome, approved.Code));
    }

    [Theory]
    [InlineData("store_credential", null, null, null)]
    [InlineData("create_draft", "Your key: AccountKey=Zm9vYmFyYmF6cXV4cXV1eHh5enp5eHh4eHg=", null, null)]
    [InlineData("create_draft", "-----BEGIN RSA PRIVATE KEY-----\nMIIE", null, null)]
    [InlineData("create_draft", "use password: hunter22 to log in", null, null)]
    [InlineData("create_task", null, "api_key", "abc")]
    [InlineData("create_task", null, "note", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc")]
    public void RedLine5_Secrets_AreNeverStoredOrSent(string action, string? text, string? field, string? value)
    {
        var act = new AutomatedAction("acme", action, "corr-1", "t-1")
        {
            Text = text,
            Data = field is null ? null : new Dictionary<string, string> { [field] = value! },
            ApprovedBy = "founder",
        };
        Verdict v = LoopGuard.Check(act);
        Assert.Equal((Verdict.RefusedOutcome, RedLines.Secrets), (v.Outcome, v.Code));
        Assert.Contains("Red line 5", v.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter22", v.Reason, StringComparison.Ordinal); // the reason names where, never the value
        Assert.DoesNotContain("AccountKey=", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassB_WithoutCorrelationId_IsRefused_ClassA_IsNot()
    {
        Assert.Equal(RedLines.MissingCorrelationId, LoopGuard.Check(new AutomatedAction("acme", "increase_budget", null, "camp") { From = 100, To = 110 }).Code);
        Assert.True(LoopGuard.Check(new AutomatedAction("acme", "create_task", null, "t") { Text = "Look at the failing sends" }).IsAllowed);
    }

    [Fact]
    public void OrdinaryText_IsNoSecret()
    {
        Assert.False(RedLines.LooksLikeSecret("مرحبا، نود ترتيب اجتماع الأسبوع القادم"));
        Assert.False(RedLines.LooksLikeSecret("Reset your password from the settings page."));
    }

    [Fact]
    public async Task ApplyLoopAction_RedLineProposal_IsRefused_RecordedOnTheLedger_AndTouchesNothing()
    {
        var stores = new InMemoryDealStores();
        var campaigns = new Mock<ICampaignStore>(MockBehavior.Strict);
        var activity = new ApplyLoopAction(campaigns.Object, new Mock<IKillSwitch>().Object, stores, new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 5, 0, 0, TimeSpan.Zero)));
        var proposal = new LoopProposal("operations", "transfer_money", "acct-1", 5000m, 0m, "Move surplus cash", NeedsApproval: false);

        LoopActionResult result = await activity.RunAsync(new Mock<TaskActivityContext>().Object, new LoopActionInput("acme", proposal, "corr-9", "key-1"));

        Assert.Equal(("refused", RedLines.Money), (result.Outcome, result.Code));
        AuditEntry line = Assert.Single(await stores.ListAsync("acme"));
        Assert.Equal(("red_line_refused", "refused", "acct-1", "corr-9", false), (line.Action, line.Outcome, line.Target, line.CorrelationId, line.AutoApproved));
        Assert.StartsWith(RedLines.Money + ": Red line 1", line.Reason, StringComparison.Ordinal);
        campaigns.VerifyNoOtherCalls();
    }
}
