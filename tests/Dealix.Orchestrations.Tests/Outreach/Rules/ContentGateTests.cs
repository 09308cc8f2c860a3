using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Rules;

namespace Dealix.Orchestrations.Tests.Outreach.Rules;

public class ContentGateTests
{
    [Theory]
    [InlineData("نضمن لكم زيادة المبيعات", "guaranteed_results")]
    [InlineData("نتائج مضمونة خلال شهر", "guaranteed_results")]
    [InlineData("Guaranteed results in 30 days", "guaranteed_results")]
    [InlineData("We use scraping to find leads", "scraping")]
    [InlineData("نسوي سحب بيانات من المواقع", "scraping")]
    [InlineData("A fully automated pipeline that runs itself", "full_automation")]
    [InlineData("ميزة: بدون موافقة منكم", "bypassing_approvals")]
    [InlineData("ROI guaranteed for every client", "guaranteed_results")]
    [InlineData("نقدم العلاج المناسب لكل عيادة", "medical_language")]
    [InlineData("Instant results from day one", "exaggerated_speed")]
    [InlineData("نتائج فورية", "exaggerated_speed")]
    [InlineData("Salesforce is useless for Saudi teams", "competitor_attack")]
    public void ProhibitedClaims_PositiveClaim_IsFound(string text, string category)
    {
        Assert.Contains($"prohibited_claim:{category}", ContentGate.ProhibitedClaims(text));
    }

    [Theory]
    [InlineData("ما نضمن نتائج سريعة")]
    [InlineData("بدون scraping وبدون رسائل واتساب باردة")]
    [InlineData("We never promise instant results")]
    [InlineData("No guaranteed results, only measured progress")]
    [InlineData("Not fully automated: a person approves every message")]
    [InlineData("لاحظت إنكم تستخدمون HubSpot")]
    public void ProhibitedClaims_NegatedOrAbsent_IsAllowed(string text)
    {
        Assert.Empty(ContentGate.ProhibitedClaims(text));
    }

    [Fact]
    public void Evaluate_TooLongMissingOptOutAndPlaceholder_FailsHard()
    {
        string longBody = string.Join(' ', Enumerable.Repeat("كلمة", 140)) + " " + OutreachRules.OptOutLineArabic;
        var draft = new EmailDraft("موضوع", longBody, ["متابعة {booking_link}", "متابعة ثانية " + OutreachRules.OptOutLineArabic]);

        GateResult result = ContentGate.Evaluate(draft);

        Assert.False(result.Passed);
        Assert.Contains("email_over_130_words", result.HardFails);
        Assert.Contains("follow_up_1_missing_opt_out", result.HardFails);
        Assert.Contains("unfilled_placeholder", result.HardFails);
    }

    [Fact]
    public void Evaluate_Shouting_IsOnlyAWarning()
    {
        string optOut = OutreachRules.OptOutLineEnglish;
        var draft = new EmailDraft("HELLO THERE FRIENDS", "Hello! Great! Amazing! Really! " + optOut, ["Follow up. " + optOut, "Last one. " + optOut]);

        GateResult result = ContentGate.Evaluate(draft);

        Assert.True(result.Passed);
        Assert.Equal(["tone_too_many_exclamations", "tone_shouting"], result.Warnings);
    }
}
