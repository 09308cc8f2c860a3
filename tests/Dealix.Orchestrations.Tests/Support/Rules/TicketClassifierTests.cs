using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Rules;

namespace Dealix.Orchestrations.Tests.Support.Rules;

public class TicketClassifierTests
{
    [Theory]
    [InlineData("تسريب", "بيانات العملاء ظاهرة للكل", TicketPriority.P0)]
    [InlineData("urgent", "Messages were sent to our customers without approval", TicketPriority.P0)]
    [InlineData(null, "حد دخل حسابنا من جهاز غريب", TicketPriority.P0)]
    [InlineData("Login", "can't log in since this morning", TicketPriority.P1)]
    [InlineData("النظام", "النظام طايح من الصبح", TicketPriority.P1)]
    [InlineData("HubSpot", "Deals from HubSpot are not syncing since Monday", TicketPriority.P2)]
    [InlineData("ربط", "الربط مع قوقل شيت فاصل", TicketPriority.P2)]
    [InlineData("سؤال", "كيف أضيف مستخدم جديد؟", TicketPriority.P3)]
    [InlineData("Invoice", "Where can I download last month's invoice?", TicketPriority.P3)]
    public void Classify_Ticket_GivesPriority(string? subject, string body, TicketPriority expected) =>
        Assert.Equal(expected, TicketClassifier.Default.Classify(subject, body).Priority);

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("  ", "\n")]
    public void Classify_EmptySubjectAndBody_IsRejected(string? subject, string? body)
    {
        TicketClassification result = TicketClassifier.Default.Classify(subject, body);

        Assert.Equal(TicketClassification.EmptyInput, result.Rejected);
    }

    [Theory]
    [InlineData("data leak", "قلت لكم سؤال بسيط عن الفاتورة")]
    [InlineData("سؤال عام", "unauthorized charge on our card")]
    public void Classify_P0KeywordAnywhere_IsHardP0(string subject, string body)
    {
        TicketClassification result = TicketClassifier.Default.Classify(subject, body);

        Assert.Equal(TicketPriority.P0, result.Priority);
        Assert.True(result.IsHardP0);
    }

    [Fact]
    public void Classify_OneMegabyteWithLeakAtTheEnd_IsP0()
    {
        string body = string.Concat(Enumerable.Repeat("please help with the report formatting ", 27_000)) + " we found a data leak";
        Assert.True(body.Length >= 1_000_000);

        Assert.Equal(TicketPriority.P0, TicketClassifier.Default.Classify("question", body).Priority);
    }

    [Fact]
    public void Classify_RulesOnly_UsesDocumentOrder()
    {
        var rulesOnly = new TicketClassifier(model: null);

        Assert.Equal(TicketPriority.P0, rulesOnly.Classify("sync", "HubSpot sync leaked our contacts").Priority);
        Assert.Equal(TicketPriority.P3, rulesOnly.Classify("hello", "شكراً لكم").Priority);
    }
}
