using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;

namespace Dealix.Orchestrations.Tests.Deals.Lifecycle;

public sealed class ReplyClassifierAdapterTests
{
    private static readonly ReplyClassifierAdapter Adapter = new();

    [Theory]
    [InlineData("السلام عليكم، كم السعر؟", ReplyIntent.AskPrice)]
    [InlineData("إلغاء الاشتراك", ReplyIntent.Unsubscribe)]
    [InlineData("stop", ReplyIntent.Unsubscribe)]
    [InlineData("STOP sending me this", ReplyIntent.Unsubscribe)]
    public async Task ClassifyAsync_MapsTheRepliesClassifierToWireNames(string text, string category)
    {
        MessageClassification result = await Adapter.ClassifyAsync(text);

        Assert.Equal(category, result.Category);
        Assert.False(result.IsOptOut && result.AutoReplyAllowed);
    }

    [Fact]
    public async Task ClassifyAsync_PriceQuestion_CarriesTheCategoryResponseAndNeedsApproval()
    {
        MessageClassification result = await Adapter.ClassifyAsync("السلام عليكم، كم السعر؟");

        Assert.False(result.AutoReplyAllowed);
        Assert.Equal(ReplyTemplates.ForCategory(ReplyIntent.AskPrice), result.SuggestedResponse);
    }
}
