using Dealix.Orchestrations.BulkEmails.Rules;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Rules;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.Tests.Outreach;

namespace Dealix.Orchestrations.Tests.BulkEmails;

public class BulkEmailRulesTests
{
    private static readonly DateTime Now = BulkEmailHarness.SundayMorning.UtcDateTime;

    [Theory]
    [InlineData(1, "customer_facing")]
    [InlineData(100, "customer_facing")]
    [InlineData(101, "bulk_email_over_100")]
    [InlineData(5000, "bulk_email_over_100")]
    public void Guard_EveryBulkNeedsApproval_OverOneHundredIsTheBulkRule(int recipients, string code)
    {
        Verdict verdict = BulkEmailRules.Guard("acme", "be1", "corr", recipients, BulkEmailHarness.Subject, BulkEmailHarness.Body);

        Assert.Equal((Verdict.NeedsApprovalOutcome, code), (verdict.Outcome, verdict.Code));
    }

    [Fact]
    public void Guard_ACredentialInTheText_IsARedLine()
    {
        Verdict verdict = BulkEmailRules.Guard("acme", "be1", "corr", 5, "Hello", "api_key=sk_live_0123456789abcdef0123 " + OutreachRules.OptOutLineEnglish);

        Assert.True(verdict.IsRefused);
    }

    [Fact]
    public void Gate_OneMessage_NoFollowUpsAsked_ButTheEmailRulesHold()
    {
        Assert.True(BulkEmailRules.Gate(BulkEmailHarness.Subject, BulkEmailHarness.Body).Passed);
        Assert.Equal(["email_missing_opt_out"], BulkEmailRules.Gate("Hello", "Dealix helps your team follow up.").HardFails);
        Assert.Contains("prohibited_claim:guaranteed_results", BulkEmailRules.Gate("نتائج", "نضمن لكم عملاء جدد. " + OutreachRules.OptOutLineArabic).HardFails);
        Assert.Contains("email_over_130_words", BulkEmailRules.Gate("Hello", string.Concat(Enumerable.Repeat("كلمة ", 131)) + OutreachRules.OptOutLineArabic).HardFails);
        Assert.Contains("subject_too_long", BulkEmailRules.Gate(new string('x', 61), BulkEmailHarness.Body).HardFails);
    }

    [Fact]
    public void Exclusion_OnlySafeAllowedContactsAreEmailed()
    {
        Prospect clean = OutreachHarness.Prospect("p1");

        Assert.Null(BulkEmailRules.Exclusion(clean, null, Now));
        Assert.Equal(["unknown_prospect"], BulkEmailRules.Exclusion(null, null, Now));
        Assert.Equal(["opted_out"], BulkEmailRules.Exclusion(clean, "unsubscribe", Now));
        Assert.Equal(["high_risk"], BulkEmailRules.Exclusion(clean with { SourceFlaggedScrapedOrPurchased = true }, null, Now));
        Assert.Equal(["invalid_email"], BulkEmailRules.Exclusion(clean with { Email = null }, null, Now));
        Assert.Equal(["needs_review", "personal_email_manual_channel_preferred", "pdpl_free_email_domain"],
            BulkEmailRules.Exclusion(clean with { Email = "fahad@gmail.com" }, null, Now));
        Assert.Equal(["needs_review", "missing_role"], BulkEmailRules.Exclusion(clean with { RoleOrTitle = null }, null, Now));
    }

    [Fact]
    public void Ids_AreStableAndCarryNoPersonalData()
    {
        Assert.Equal(BulkEmailRules.BulkId("acme", "r1"), BulkEmailRules.BulkId("acme", "r1"));
        Assert.NotEqual(BulkEmailRules.BulkId("acme", "r1"), BulkEmailRules.BulkId("other", "r1"));
        Assert.Matches("^be[0-9a-f]{20}$", BulkEmailRules.BulkId("acme", "r1"));
        Assert.Matches("^b[0-9a-f]{30}$", BulkEmailRules.RecipientDraftId("acme", "be1", "p1"));
    }
}
