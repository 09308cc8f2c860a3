using Dealix.Orchestrations.Common.Text;

namespace Dealix.Orchestrations.Tests.Common.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("أحمد إبراهيم آمن ٱلله", "احمد ابراهيم امن الله")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("مكالمة", "مكالمه")]
    [InlineData("مسئول", "مسيول")]
    [InlineData("مسؤول", "مسوول")]
    [InlineData("رسائل", "رسايل")]
    [InlineData("مُهْتَمّ", "مهتم")]
    [InlineData("مـــهـــتم", "مهتم")]
    [InlineData("مهتتتتم", "مهتم")]
    [InlineData("stooooop", "stop")]
    [InlineData("١٢٣ ۴۵۶", "123 456")]
    [InlineData("Don’t", "do not")]
    [InlineData("I CAN'T login", "i can not login")]
    [InlineData("wont", "will not")]
    [InlineData("  many   spaces  ", "many spaces")]
    [InlineData("ک ی", "ك ي")]
    [InlineData("zero\u200Bwidth\u200F", "zerowidth")]
    [InlineData("1000", "1000")]
    public void Normalize_KnownForms_GivesCanonicalSpelling(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    public void Normalize_NullOrBlank_GivesEmpty(string? input) =>
        Assert.Equal(string.Empty, TextNormalizer.Normalize(input));

    [Fact]
    public void Normalize_LoneSurrogate_DropsItWithoutThrowing() =>
        Assert.Equal("ab", TextNormalizer.Normalize("a\uD800b"));

    [Fact]
    public void Normalize_OneMegabyte_ReturnsLinearResult()
    {
        string big = string.Concat(Enumerable.Repeat("مرحبا hello 👋 ", 1024 * 1024 / 14));
        string normalized = TextNormalizer.Normalize(big);
        Assert.StartsWith("مرحبا hello", normalized, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("لاترسلون", new[] { "لا", "ترسلون" })]
    [InlineData("مايهمني", new[] { "ما", "يهمني" })]
    [InlineData("مبيعات", new[] { "مبيعات" })]
    [InlineData("مواعيد", new[] { "مواعيد" })]
    [InlineData("مانيب مهتم", new[] { "مانيب", "مهتم" })]
    [InlineData("الـ list 👍", new[] { "ال", "list" })]
    public void Tokenize_JoinedNegations_AreSplitOnlyBeforeVerbs(string input, string[] expected) =>
        Assert.Equal(expected, Tokenizer.Analyze(input).Tokens.Select(t => t.Value));

    [Theory]
    [InlineData("مرحبا", TextLanguage.Arabic)]
    [InlineData("hello there", TextLanguage.English)]
    [InlineData("ابي demo بكرة", TextLanguage.Mixed)]
    [InlineData("😀 123", TextLanguage.None)]
    public void Tokenize_Scripts_ReportLanguage(string input, TextLanguage expected) =>
        Assert.Equal(expected, Tokenizer.Analyze(input).Language);

    [Fact]
    public void Tokenize_Punctuation_SplitsClauses()
    {
        TokenizedText text = Tokenizer.Analyze("لا، احنا مهتمين");
        Assert.NotEqual(text.Tokens[0].Clause, text.Tokens[1].Clause);
    }
}
