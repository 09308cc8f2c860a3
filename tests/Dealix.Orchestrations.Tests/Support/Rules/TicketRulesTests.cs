using Dealix.Orchestrations.Common.Text;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Rules;

namespace Dealix.Orchestrations.Tests.Support.Rules;

public class TicketRulesTests
{
    [Theory]
    [InlineData("فيه تسريب لبيانات العملاء", TicketPriority.P0)]
    [InlineData("الرسائل انرسلت بدون موافقتنا", TicketPriority.P0)]
    [InlineData("حسابنا انخترق", TicketPriority.P0)]
    [InlineData("we got charged live without approval", TicketPriority.P0)]
    [InlineData("Unauthorized message went out to 300 contacts", TicketPriority.P0)]
    [InlineData("I think our API key was exposed on GitHub", TicketPriority.P0)]
    [InlineData("suspicious login from unknown device", TicketPriority.P0)]
    [InlineData("ex-employee still has access", TicketPriority.P0)]
    [InlineData("SLA breach on ticket 44", TicketPriority.P3)]
    [InlineData("النظام واقف من الصبح", TicketPriority.P1)]
    [InlineData("مايشتغل الداشبورد", TicketPriority.P1)]
    [InlineData("ما اقدر ادخل على حسابي", TicketPriority.P1)]
    [InlineData("عندنا عطل في الصفحة", TicketPriority.P1)]
    [InlineData("the dashboard is down", TicketPriority.P1)]
    [InlineData("Getting 502 bad gateway", TicketPriority.P1)]
    [InlineData("ربط هبسبوت فاصل", TicketPriority.P2)]
    [InlineData("HubSpot sync stopped pulling deals", TicketPriority.P2)]
    [InlineData("عطلة العيد متى؟", TicketPriority.P3)]
    [InlineData("how do I add a teammate?", TicketPriority.P3)]
    [InlineData("🙂", TicketPriority.P3)]
    public void Match_TicketText_GivesDocumentPriority(string text, TicketPriority expected) =>
        Assert.Equal(expected, TicketRules.Default.Match(Tokenizer.Analyze(text)).Priority);
}
