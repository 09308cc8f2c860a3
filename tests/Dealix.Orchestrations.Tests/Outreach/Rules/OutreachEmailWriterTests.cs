using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Rules;

namespace Dealix.Orchestrations.Tests.Outreach.Rules;

public class OutreachEmailWriterTests
{
    public static TheoryData<string, int> SectorsAndVariants()
    {
        var data = new TheoryData<string, int>();
        foreach (string sector in OutreachRules.Sectors)
        {
            for (int variant = 0; variant < OutreachEmailWriter.Variants; variant++)
            {
                data.Add(sector, variant);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SectorsAndVariants))]
    public void Compose_EverySectorAndVariant_PassesTheGate(string sector, int variant)
    {
        Prospect prospect = OutreachHarness.Prospect("p1", sector) with { UsesWhatsApp = true, CompanyName = "مؤسسة الأفق للتجارة والمقاولات العامة" };

        OutreachSequence sequence = OutreachEmailWriter.Compose(prospect, variant);

        GateResult gate = ContentGate.Evaluate(sequence.Email);
        Assert.True(gate.Passed, string.Join(',', gate.HardFails));
        Assert.All([sequence.Email.Body, .. sequence.Email.FollowUps], b => Assert.True(OutreachRules.WordCount(b) <= 130));
        Assert.EndsWith(OutreachRules.OptOutLineArabic, sequence.Email.Body, StringComparison.Ordinal);
        Assert.True(sequence.LinkedInMessage.Length <= OutreachEmailWriter.MaxLinkedInLength);
        Assert.True(OutreachRules.WordCount(sequence.CallScript) <= 120);
    }

    [Fact]
    public void Compose_SignalDetected_OpensWithIt()
    {
        Prospect prospect = OutreachHarness.Prospect("p1");

        Assert.Contains("HubSpot", OutreachEmailWriter.Compose(prospect with { UsesHubSpot = true }, 0).Email.Body, StringComparison.Ordinal);
        Assert.Contains("واتساب", OutreachEmailWriter.Compose(prospect with { UsesWhatsApp = true }, 0).Email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("HubSpot", OutreachEmailWriter.Compose(prospect, 0).Email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_LongCompanyName_FallsBackToAShortSubject()
    {
        Prospect prospect = OutreachHarness.Prospect("p1") with { CompanyName = new string('ش', 70) };

        Assert.Equal("فكرة لمتابعة العملاء", OutreachEmailWriter.Compose(prospect, 0).Email.Subject);
    }

    [Theory]
    [InlineData(MessageChannel.Email, "lead@acme.sa", null)]
    [InlineData(MessageChannel.Email, "lead@gmail.com", null)]
    [InlineData(MessageChannel.Email, "broken", null)]
    [InlineData(MessageChannel.Email, "lead@acme.sa", "bounced")]
    [InlineData(MessageChannel.WhatsApp, "966500000000", "unsubscribe")]
    [InlineData(MessageChannel.WhatsApp, "966500000000", "complaint")]
    public void ComplianceCheck_ReplyPathAndPipeline_AreOneImplementation(MessageChannel channel, string address, string? suppression)
    {
        (string outcome, IReadOnlyList<string> reasons) = Dealix.Orchestrations.Deals.Lifecycle.ComplianceCheck.Check(channel, address, suppression);
        Prospect prospect = OutreachHarness.Prospect("p1", email: address) with { Source = "inbound", SourceRecordedAt = null };

        ComplianceResult pipeline = ProspectCompliance.Check(prospect, suppression, OutreachHarness.SundayPipelineTime.UtcDateTime);

        if (channel == MessageChannel.Email)
        {
            Assert.Equal(Dealix.Orchestrations.Deals.Lifecycle.ComplianceCheck.Wire(pipeline.Outcome), outcome);
            Assert.Equal(pipeline.Reasons.Where(r => r != "missing_role"), reasons);
        }
        else
        {
            Assert.Equal(("blocked", suppression == "unsubscribe" ? "opted_out" : "high_risk"), (outcome, reasons[0]));
        }
    }
}
