using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Rules;

namespace Dealix.Orchestrations.Tests.Outreach.Rules;

public class OutreachRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 6, 0, 0, DateTimeKind.Utc);

    private static OutreachContact Clean(string email = "sara@almarai-trading.sa") =>
        new(email, "public_business_listing", null, false, false, false, false, false, false, true, "Sales Director", Now.AddMonths(-2));

    [Fact]
    public void Check_CleanBusinessContact_IsAllowedAndSafe()
    {
        ComplianceResult result = OutreachRules.Check(Clean(), Now);

        Assert.Equal(ComplianceOutcome.Allowed, result.Outcome);
        Assert.Equal(Contactability.Safe, result.Contactability);
    }

    [Theory]
    [InlineData("opted_out")]
    [InlineData("bounced")]
    [InlineData("high_risk")]
    [InlineData("no_source")]
    [InlineData("invalid_email")]
    public void Check_BlockCondition_IsBlockedWithReason(string reason)
    {
        OutreachContact contact = reason switch
        {
            "opted_out" => Clean() with { OptedOut = true },
            "bounced" => Clean() with { Bounced = true },
            "high_risk" => Clean() with { SourceFlaggedScrapedOrPurchased = true },
            "no_source" => Clean() with { Source = null },
            _ => Clean("not-an-email"),
        };

        ComplianceResult result = OutreachRules.Check(contact, Now);

        Assert.Equal(ComplianceOutcome.Blocked, result.Outcome);
        Assert.Equal(Contactability.Blocked, result.Contactability);
        Assert.Contains(reason, result.Reasons);
    }

    [Theory]
    [InlineData("khalid@gmail.com")]
    [InlineData("noura@HOTMAIL.com")]
    [InlineData("a@proton.me")]
    public void Check_FreeDomain_WarnsAndNeedsReview(string email)
    {
        ComplianceResult result = OutreachRules.Check(Clean(email), Now);

        Assert.Equal(ComplianceOutcome.Warn, result.Outcome);
        Assert.Equal(Contactability.NeedsReview, result.Contactability);
    }

    [Fact]
    public void Check_EventSourceWithoutReference_IsBlocked() =>
        Assert.Contains("no_source", OutreachRules.Check(Clean() with { Source = "event" }, Now).Reasons);

    [Fact]
    public void Check_StaleSourceOrMissingRole_NeedsReview()
    {
        Assert.Equal(Contactability.NeedsReview, OutreachRules.Check(Clean() with { SourceRecordedAt = Now.AddMonths(-13) }, Now).Contactability);
        Assert.Equal(Contactability.NeedsReview, OutreachRules.Check(Clean() with { RoleOrTitle = " " }, Now).Contactability);
    }

    [Fact]
    public void Violations_GoodArabicSequence_IsEmpty()
    {
        string body = "هلا أستاذ فهد، شفت إن التواصل معكم عن طريق واتساب. " + OutreachRules.OptOutLineArabic;
        var draft = new EmailDraft("فرص مبيعات لشركتكم", body, [body, body]);

        Assert.Empty(OutreachRules.Violations(draft));
    }

    [Fact]
    public void Violations_OverLongBodyMissingOptOutAndOneFollowUp_ListsEach()
    {
        string longBody = string.Join(' ', Enumerable.Repeat("كلمة", 131));
        var draft = new EmailDraft(new string('x', 61), longBody, [longBody]);

        IReadOnlyList<string> violations = OutreachRules.Violations(draft);

        Assert.Contains("subject_too_long", violations);
        Assert.Contains("follow_ups_not_two", violations);
        Assert.Contains("email_over_130_words", violations);
        Assert.Contains("email_missing_opt_out", violations);
    }

    [Theory]
    [InlineData("Quick note about your pipeline. Reply “stop” and we won't contact you again.", true)]
    [InlineData("If this isn't relevant, reply STOP and we will not email again.", true)]
    [InlineData("نتمنى نسمع منك قريب", false)]
    [InlineData("", false)]
    public void HasOptOutLine_Body_Detected(string body, bool expected) =>
        Assert.Equal(expected, OutreachRules.HasOptOutLine(body));

    [Fact]
    public void WordCount_OpTOutLineCounts() =>
        Assert.Equal(2 + OutreachRules.WordCount(OutreachRules.OptOutLineArabic), OutreachRules.WordCount("مرحبا فهد " + OutreachRules.OptOutLineArabic));

    [Fact]
    public void SelectDaily_ManyCandidates_TopFiftyExcludingBlockedAndRecent()
    {
        var candidates = Enumerable.Range(0, 80).Select(i => new TargetCandidate($"c{i:00}", OutreachRules.Sectors[i % 9], i % 2 == 0 ? "Riyadh" : "Abha",
            i % 26, 20, 15, i % 10 == 0 ? Contactability.Blocked : Contactability.Safe, i % 7 == 0 ? Now.AddDays(-10) : null, Now.AddDays(-i))).ToList();

        IReadOnlyList<ScoredTarget> selected = OutreachRules.SelectDaily(candidates, Now);

        Assert.Equal(50, selected.Count);
        Assert.DoesNotContain(selected, t => t.Candidate.Contactability == Contactability.Blocked);
        Assert.DoesNotContain(selected, t => t.Candidate.LastContactedAt is not null);
        Assert.True(selected.Zip(selected.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void SelectDaily_FewCandidates_IsNeverPadded()
    {
        var one = new TargetCandidate("c1", "logistics", "Jeddah", 20, 20, 20, Contactability.NeedsReview, null, Now);

        IReadOnlyList<ScoredTarget> selected = OutreachRules.SelectDaily([one], Now);

        Assert.Equal(78, Assert.Single(selected).Score);
    }
}
