using Dealix.Orchestrations.Content.Contracts;
using Dealix.Orchestrations.Content.Rules;
using Dealix.Orchestrations.Outreach.Contracts;

namespace Dealix.Orchestrations.Tests.Content;

/// <summary>The weekly content templates, the planner and the post gate (§17.3, §3.3, §3.7).</summary>
public sealed class WeeklyContentPlannerTests
{
    private static readonly string[] Intents = ["ask_price", "ask_demo", "ask_info", "interested", "not_now", "already_has_solution", "wrong_person", "complaint", "unclear"];

    private static ContentFacts Facts(string? intent = null, params CompetitorItem[] competitors) => ContentFacts.Empty with
    {
        ReplyIntents = intent is null ? new Dictionary<string, int>() : new Dictionary<string, int> { [intent] = 7, ["unclear"] = 3 },
        Competitors = competitors,
    };

    private static CompetitorItem Item(string competitor, string title, params string[] topics) =>
        new("t1", competitor, $"https://{competitor}.example/{title.GetHashCode(StringComparison.Ordinal):x}", title, new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc), topics,
            new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void EveryTemplate_WithEveryFocus_PassesTheGate()
    {
        foreach (ContentTemplate template in ContentTemplates.All)
        {
            string[] texts = template.NeedsFocus
                ? [.. Intents.Select(ContentTemplates.Focus).OfType<string>().Select(f => template.Text.Replace(ContentTemplate.FocusSlot, f, StringComparison.Ordinal))]
                : [template.Text];
            foreach (string text in texts)
            {
                GateResult gate = ContentPostGate.Check(text, []);
                Assert.True(gate.Passed, $"{template.Id}: {string.Join(", ", gate.HardFails)}");
                Assert.Empty(gate.Warnings);
            }
        }

        Assert.Equal(ContentTopics.All, ContentTemplates.All.Select(t => t.Topic).Distinct());
        Assert.All(ContentTopics.All, topic => Assert.True(ContentTemplates.All.Count(t => t.Topic == topic && !t.NeedsFocus) >= 3, topic));
    }

    [Fact]
    public void Plan_NoFacts_FivePostsOnTheFourTopics_SameForTheSameWeek()
    {
        IReadOnlyList<PlannedPost> plan = WeeklyContentPlanner.Plan("2026W49", ContentFacts.Empty);

        Assert.Equal([1, 2, 3, 4, 5], plan.Select(p => p.Slot));
        Assert.Equal(ContentTopics.All, plan.Take(4).Select(p => p.Topic));
        Assert.Contains(plan[4].Topic, ContentTopics.All);
        Assert.Equal(5, plan.Select(p => p.TemplateId).Distinct().Count());
        Assert.DoesNotContain(plan, p => p.Text.Contains('{', StringComparison.Ordinal));
        Assert.Equal(plan, WeeklyContentPlanner.Plan("2026W49", ContentFacts.Empty));
    }

    [Fact]
    public void Plan_AnyWeekAndLeadingIntent_EveryPostPassesTheGate()
    {
        foreach (string week in Enumerable.Range(1, 52).Select(w => $"2026W{w:00}"))
        {
            foreach (string? intent in Intents.Append(null))
            {
                IReadOnlyList<PlannedPost> plan = WeeklyContentPlanner.Plan(week, Facts(intent));
                Assert.Equal(WeeklyContentPlanner.PostsPerWeek, plan.Count);
                Assert.All(plan, p => Assert.True(ContentPostGate.Check(p.Text, []).Passed, $"{week} {intent} {p.TemplateId}"));
            }
        }
    }

    [Fact]
    public void Plan_LeadingIntent_ChoosesItsAngleAndFillsTheFocus()
    {
        IReadOnlyList<PlannedPost> plan = WeeklyContentPlanner.Plan("2026W49", Facts("ask_price"));

        Assert.Equal("sme-start", plan.Single(p => p.Slot == 3).TemplateId); // the ask_price angle of Saudi SMEs
        PlannedPost marketing = plan.Single(p => p.Slot == 2);
        Assert.Equal("mkt-focus", marketing.TemplateId);
        Assert.Contains("الأسعار والباقات", marketing.Text, StringComparison.Ordinal);
        Assert.Contains("leading reply intent ask_price (7 in the 7 days before)", marketing.Inspiration, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_CompetitorTitle_IsNeverRepeated()
    {
        IReadOnlyList<PlannedPost> first = WeeklyContentPlanner.Plan("2026W49", ContentFacts.Empty);
        string hook = first[0].Text.Split('\n')[0];
        CompetitorItem copy = Item("rival", hook, "ai");

        IReadOnlyList<PlannedPost> plan = WeeklyContentPlanner.Plan("2026W49", Facts(null, copy));

        Assert.Equal(5, plan.Count);
        Assert.NotEqual(first[0].TemplateId, plan[0].TemplateId);
        Assert.DoesNotContain(plan, p => ContentPostGate.RepeatsCompetitor(p.Text, hook));
        Assert.Equal(["repeats_competitor_content"], ContentPostGate.Check(first[0].Text, [hook]).HardFails);
    }

    [Fact]
    public void Plan_OurPostsOfTheWeeksBefore_AreNotRepeated()
    {
        IReadOnlyList<PlannedPost> last = WeeklyContentPlanner.Plan("2026W48", ContentFacts.Empty);
        ContentEntry[] own = [.. last.Select(p => new ContentEntry("t1", $"2026W48-{p.Slot}", "2026W48", p.Slot, p.Topic, p.TemplateId, p.Text, ContentStatus.Scheduled,
            p.Inspiration, new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc)))];

        IReadOnlyList<PlannedPost> plan = WeeklyContentPlanner.Plan("2026W49", ContentFacts.Empty with { OwnPosts = own });

        Assert.Equal(5, plan.Count);
        Assert.Empty(plan.Select(p => p.TemplateId).Intersect(own.Select(o => o.TemplateId)));
    }

    [Fact]
    public void FifthTopic_IsTheTopicCompetitorsCoveredLeast()
    {
        ContentFacts facts = Facts(null, Item("a", "one two three", "ai"), Item("b", "four five six", "marketing", "saudi_smes"), Item("a", "seven eight nine", "ai"));

        Assert.Equal(ContentTopics.Zatca, WeeklyContentPlanner.FifthTopics(facts, 0)[0]);
        Assert.Equal(ContentTopics.Zatca, WeeklyContentPlanner.Plan("2026W49", facts)[4].Topic);
    }

    [Theory]
    [InlineData("نضمن لك زيادة المبيعات مع Dealix", "prohibited_claim:guaranteed_results")]
    [InlineData("Dealix يعطيك نتائج فورية من أول يوم", "prohibited_claim:exaggerated_speed")]
    [InlineData("منصة Dealix: أتمتة كاملة لمبيعاتك", "prohibited_claim:full_automation")]
    [InlineData("Dealix أفضل من zoho لأن zoho سيء", "prohibited_claim:competitor_attack")]
    [InlineData("مرحبا {first_name}، Dealix معك", "unfilled_placeholder")]
    public void Gate_RefusesAPostThat(string text, string code) =>
        Assert.Contains(code, ContentPostGate.Check(text, []).HardFails);

    [Fact]
    public void Gate_AllowsANegatedClaim_AndWarnsWithoutABrandTerm()
    {
        GateResult negated = ContentPostGate.Check("نشتغل بدون scraping ومع موافقتك (Approval-first).", []);
        GateResult plain = ContentPostGate.Check("نصائح تسويقية لهذا الأسبوع", []);

        Assert.True(negated.Passed);
        Assert.True(plain.Passed);
        Assert.Equal(["tone_no_brand_term"], plain.Warnings);
        Assert.Equal(["too_long"], ContentPostGate.Check("Dealix " + new string('ا', ContentPostGate.MaxLength), []).HardFails);
    }

    [Fact]
    public void Plan_TwelveWeeksInARow_FivePostsEachWeek_NoTextOfTheTwoWeeksBefore()
    {
        var own = new List<ContentEntry>();
        for (int w = 1; w <= 12; w++)
        {
            string week = $"2027W{w:00}";
            IReadOnlyList<PlannedPost> plan = WeeklyContentPlanner.Plan(week, Facts(w % 3 == 0 ? "ask_price" : null, Item("rival", "one two three", "ai")) with { OwnPosts = [.. own] });

            Assert.Equal(5, plan.Count);
            string[] earlier = [.. own.Where(o => string.CompareOrdinal(o.Week, $"2027W{w - 2:00}") >= 0).Select(o => o.Text)];
            Assert.Empty(plan.Select(p => p.Text).Intersect(earlier));
            own.AddRange(plan.Select(p => new ContentEntry("t1", $"{week}-{p.Slot}", week, p.Slot, p.Topic, p.TemplateId, p.Text, ContentStatus.Draft, p.Inspiration,
                DateTime.UnixEpoch, DateTime.UnixEpoch)));
            own.RemoveAll(o => string.CompareOrdinal(o.Week, $"2027W{w - 3:00}") < 0); // the store reads the four weeks before
        }
    }
}
