using Dealix.Orchestrations.Common.Text;

namespace Dealix.Orchestrations.Tests.Classification;

public class MailSignatureTests
{
    [Theory]
    [InlineData("Sent from my iPhone", "")]
    [InlineData("Sent from Yahoo Mail for Android", "")]
    [InlineData("Get Outlook for iOS", "")]
    [InlineData("أرسلت من جوالي", "")]
    [InlineData("Sounds good. Sent from my iPhone", "Sounds good.")]
    [InlineData("Please stop\n\nSent from my Samsung Galaxy", "Please stop")]
    [InlineData("كم السعر؟\nأرسلت من الآيفون", "كم السعر؟")]
    public void Strip_ClientSignature_IsRemoved(string text, string expected) =>
        Assert.Equal(expected, MailSignature.Strip(text));

    [Theory]
    [InlineData("We sent from our office a signed copy yesterday, did it arrive?")]
    [InlineData("أرسلت من قبل طلب عرض سعر وما جاني رد")]
    [InlineData("Who sent from this number?")]
    [InlineData("")]
    public void Strip_OrdinaryText_IsUnchanged(string text) => Assert.Equal(text, MailSignature.Strip(text));
}
