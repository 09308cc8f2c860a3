using Dealix.Orchestrations.Replies.Rules;

namespace Dealix.Orchestrations.Tests.Replies.Rules;

public class OptOutDetectorTests
{
    [Theory]
    [InlineData("لا ترسل لي شي")]
    [InlineData("لاترسلون لي مرة ثانية")]
    [InlineData("لا عاد تراسلوني")]
    [InlineData("ما أبي رسائل منكم")]
    [InlineData("ما نبي أي عروض منكم")]
    [InlineData("لا أرغب في استقبال الرسائل")]
    [InlineData("أرجو عدم التواصل معي")]
    [InlineData("احذف رقمي لو سمحت")]
    [InlineData("امسحوا بياناتي من عندكم")]
    [InlineData("رقمي ينشال من عندكم")]
    [InlineData("شيلوني")]
    [InlineData("طلعوني من القروب")]
    [InlineData("أبي أطلع من القائمة")]
    [InlineData("بلا رسايل الله يرضى عليك")]
    [InlineData("إلغاء الاشتراك")]
    [InlineData("وقفوا الرسايل")]
    [InlineData("كفاية رسايل")]
    [InlineData("توقف!")]
    [InlineData("إلغاء")]
    [InlineData("الغاء")]
    [InlineData("وقف")]
    [InlineData("STOP")]
    [InlineData("Stop.")]
    [InlineData("please unsubscribe me")]
    [InlineData("opt me out")]
    [InlineData("remove me from your list")]
    [InlineData("Please delete my number")]
    [InlineData("take me off your mailing list")]
    [InlineData("Don't contact me again")]
    [InlineData("dont email us")]
    [InlineData("no more messages please")]
    [InlineData("leave me alone")]
    [InlineData("not interested, remove me")]
    [InlineData("كم السعر؟ وبعدين لا ترسلون لي رسايل واجد")]
    [InlineData("la tirsil li shay")]
    [InlineData("wagif")]
    [InlineData("ma abi rasayel")]
    [InlineData("stoooop 🙏")]
    [InlineData("ياليت توقفون الرسائل")]
    public void Detect_OptOutWording_IsOptOut(string message) =>
        Assert.True(OptOutDetector.Default.Detect(message).IsOptOut, message);

    [Theory]
    [InlineData("مهتم، كم السعر؟")]
    [InlineData("أهلاً بكم، متى نقدر نبدأ؟")]
    [InlineData("Can you stop by our office on Sunday?")]
    [InlineData("we run a one-stop shop")]
    [InlineData("ابي اعرف المبيعات كيف بتتحسن")]
    [InlineData("drop me a line next week")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("👍👍")]
    public void Detect_OrdinaryReply_IsNotOptOut(string message) =>
        Assert.False(OptOutDetector.Default.Detect(message).IsOptOut, message);

    [Fact]
    public void Detect_OptOutAtEndOfOneMegabyte_IsFound()
    {
        string message = string.Concat(Enumerable.Repeat("نشكركم على التواصل والمتابعة ", 40_000)) + " لا ترسلون لي";
        Assert.True(OptOutDetector.Default.Detect(message).IsOptOut);
    }
}
