using Dealix.Orchestrations.Common.Text;
using Dealix.Orchestrations.Replies.Contracts;
using Dealix.Orchestrations.Replies.Rules;

namespace Dealix.Orchestrations.Tests.Replies.Rules;

public class ReplyClassifierTests
{
    [Theory]
    [InlineData("كم سعر الباقة؟", ReplyCategory.AskPrice)]
    [InlineData("How much does the pilot cost?", ReplyCategory.AskPrice)]
    [InlineData("ممكن نحجز اجتماع يوم الأحد؟", ReplyCategory.AskDemo)]
    [InlineData("Can we book a demo next week?", ReplyCategory.AskDemo)]
    [InlineData("أنا في إجازة وأرجع الأسبوع الجاي", ReplyCategory.OutOfOffice)]
    [InlineData("I am out of the office until Sunday", ReplyCategory.OutOfOffice)]
    [InlineData("مهتمين، وش الخطوة الجاية؟", ReplyCategory.Interested)]
    [InlineData("عندنا CRM ومرتاحين فيه", ReplyCategory.AlreadyHasSolution)]
    [InlineData("We already use HubSpot", ReplyCategory.AlreadyHasSolution)]
    [InlineData("الرقم غلط", ReplyCategory.WrongPerson)]
    [InlineData("بعد رمضان إن شاء الله", ReplyCategory.NotNow)]
    [InlineData("من وين جبتوا رقمي؟", ReplyCategory.Complaint)]
    public void Classify_TypicalReply_GivesCategory(string text, ReplyCategory expected) =>
        Assert.Equal(expected, ReplyClassifier.Default.Classify(text).Category);

    [Theory]
    [InlineData("لا ترسلون لي مرة ثانية")]
    [InlineData("كم السعر؟ ولا تراسلوني على الواتساب")]
    [InlineData("not interested, remove me")]
    [InlineData("STOP 🛑")]
    [InlineData("ma abi rasayel")]
    [InlineData("مهتم بس لا ترسل لي هنا، احذف رقمي")]
    public void Classify_OptOutAnywhere_IsUnsubscribeFromRulesAndNeverAutoReplied(string text)
    {
        ReplyClassification result = ReplyClassifier.Default.Classify(text);

        Assert.Equal(ReplyCategory.Unsubscribe, result.Category);
        Assert.Equal("rules", result.Source);
        Assert.False(result.AutoReplyAllowed);
        Assert.Equal(1.0, result.Confidence);
        Assert.NotEmpty(result.MatchedKeywords);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("\n\t")]
    public void Classify_EmptyOrWhitespace_IsUnclearWithNoAutoReply(string? text)
    {
        ReplyClassification result = ReplyClassifier.Default.Classify(text);

        Assert.Equal(ReplyCategory.Unclear, result.Category);
        Assert.False(result.AutoReplyAllowed);
        Assert.Equal(TextLanguage.None, result.Language);
    }

    [Fact]
    public void Classify_OneMegabyteWithOptOutAtTheEnd_IsUnsubscribe()
    {
        string text = string.Concat(Enumerable.Repeat("شكراً على التواصل، نراجع العرض مع الفريق ", 25_000)) + "\nوقفوا الرسايل";
        Assert.True(text.Length >= 1_000_000);

        Assert.Equal(ReplyCategory.Unsubscribe, ReplyClassifier.Default.Classify(text).Category);
    }

    [Fact]
    public void Classify_OneMegabyteOfEmoji_ReturnsACategory()
    {
        string text = string.Concat(Enumerable.Repeat("😀", 500_000));

        Assert.Equal(ReplyCategory.Unclear, ReplyClassifier.Default.Classify(text).Category);
    }

    [Theory]
    [InlineData("ابي demo بكرة", TextLanguage.Mixed)]
    [InlineData("ممكن عرض تجريبي", TextLanguage.Arabic)]
    [InlineData("can we get a demo", TextLanguage.English)]
    public void Classify_Scripts_ReportsLanguage(string text, TextLanguage expected) =>
        Assert.Equal(expected, ReplyClassifier.Default.Classify(text).Language);

    [Theory]
    [InlineData(ReplyCategory.Unsubscribe, false)]
    [InlineData(ReplyCategory.Complaint, false)]
    [InlineData(ReplyCategory.OutOfOffice, false)]
    [InlineData(ReplyCategory.NotInterested, false)]
    [InlineData(ReplyCategory.WrongPerson, false)]
    [InlineData(ReplyCategory.AlreadyHasSolution, false)]
    [InlineData(ReplyCategory.AskPrice, false)]
    [InlineData(ReplyCategory.AskDemo, true)]
    [InlineData(ReplyCategory.NotNow, true)]
    [InlineData(ReplyCategory.AskInfo, true)]
    [InlineData(ReplyCategory.Interested, true)]
    [InlineData(ReplyCategory.Unclear, false)]
    public void Categories_AutoReplyAllowed_FollowsTheTable(ReplyCategory category, bool expected) =>
        Assert.Equal(expected, ReplyCategories.For(category).AutoReplyAllowed);

    [Fact]
    public void Categories_EveryCategoryButOutOfOffice_HasAGulfResponse()
    {
        foreach (ReplyCategoryInfo info in ReplyCategories.All)
        {
            if (info.Category == ReplyCategory.OutOfOffice)
            {
                Assert.Null(info.Response);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(info.Response));
                Assert.Contains(info.Response!, c => TextNormalizer.IsArabicLetter(c));
            }
        }
    }

    [Theory]
    [InlineData(ReplyCategory.Interested)]
    [InlineData(ReplyCategory.Unclear)]
    [InlineData(null)]
    public void WithSecondOpinion_FirstIsOptOut_StaysOptOut(ReplyCategory? opinion)
    {
        ReplyClassification first = ReplyClassifier.Default.Classify("لا ترسل لي");

        Assert.Equal(ReplyCategory.Unsubscribe, ReplyClassifier.WithSecondOpinion(first, opinion).Category);
    }

    [Fact]
    public void WithSecondOpinion_OpinionIsOptOut_RaisesToUnsubscribe()
    {
        ReplyClassification first = ReplyClassifier.Default.Classify("ok");

        ReplyClassification merged = ReplyClassifier.WithSecondOpinion(first, ReplyCategory.Unsubscribe);

        Assert.Equal(ReplyCategory.Unsubscribe, merged.Category);
        Assert.False(merged.AutoReplyAllowed);
    }

    [Fact]
    public void WithSecondOpinion_OnUnclear_OnlyRecordsSuggestion()
    {
        ReplyClassification first = ReplyClassifier.Default.Classify("؟");

        ReplyClassification merged = ReplyClassifier.WithSecondOpinion(first, ReplyCategory.Interested);

        Assert.Equal(ReplyCategory.Unclear, merged.Category);
        Assert.Equal(ReplyCategory.Interested, merged.ModelSuggestion);
        Assert.False(merged.AutoReplyAllowed);
    }

    [Fact]
    public void Classify_RulesOnly_StillCatchesOptOut()
    {
        var rulesOnly = new ReplyClassifier(model: null);

        Assert.Equal(ReplyCategory.Unsubscribe, rulesOnly.Classify("please unsubscribe me").Category);
        Assert.Equal(ReplyCategory.Unclear, rulesOnly.Classify("كم السعر").Category);
    }
}
