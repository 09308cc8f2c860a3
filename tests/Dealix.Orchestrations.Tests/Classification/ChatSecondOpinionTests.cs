using Dealix.Orchestrations.Classification;
using Dealix.Orchestrations.Replies.Contracts;
using Dealix.Orchestrations.Replies.Rules;
using Dealix.Orchestrations.Support.Contracts;
using Microsoft.Extensions.AI;

namespace Dealix.Orchestrations.Tests.Classification;

public class ChatSecondOpinionTests
{
    [Theory]
    [InlineData("unsubscribe", ReplyCategory.Unsubscribe)]
    [InlineData(" Ask_Price. ", ReplyCategory.AskPrice)]
    [InlineData("I think it is interested", null)]
    [InlineData("", null)]
    public async Task SuggestReplyCategory_ModelAnswer_IsParsedStrictly(string answer, ReplyCategory? expected) =>
        Assert.Equal(expected, await new ChatSecondOpinion(new FakeChat(answer)).SuggestReplyCategoryAsync("هلا"));

    [Fact]
    public async Task SuggestReplyCategory_ModelUnavailable_IsNoOpinion() =>
        Assert.Null(await new ChatSecondOpinion(new FakeChat(null)).SuggestReplyCategoryAsync("hello"));

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task SuggestTicketPriority_EmptyText_DoesNotCallTheModel(string? text)
    {
        var chat = new FakeChat("P0");

        Assert.Null(await new ChatSecondOpinion(chat).SuggestTicketPriorityAsync(text));
        Assert.Equal(0, chat.Calls);
    }

    [Theory]
    [InlineData(TicketPriority.P0, TicketPriority.P3, TicketPriority.P0)]
    [InlineData(TicketPriority.P0, TicketPriority.P0, TicketPriority.P0)]
    [InlineData(TicketPriority.P2, TicketPriority.P0, TicketPriority.P0)]
    [InlineData(TicketPriority.P1, TicketPriority.P3, TicketPriority.P1)]
    public void WithSecondOpinion_Ticket_OnlyRaises(TicketPriority first, TicketPriority opinion, TicketPriority expected) =>
        Assert.Equal(expected, ChatSecondOpinion.WithSecondOpinion(new TicketClassification(first, [], "r", "rules", 1), opinion).Priority);

    [Fact]
    public async Task SecondOpinion_OnOptOut_CannotLowerIt()
    {
        ReplyClassification first = new ReplyClassifier(model: null).Classify("لا ترسلون لي");
        ReplyCategory? opinion = await new ChatSecondOpinion(new FakeChat("interested")).SuggestReplyCategoryAsync("لا ترسلون لي");

        Assert.Equal(ReplyCategory.Unsubscribe, ReplyClassifier.WithSecondOpinion(first, opinion).Category);
    }

    private sealed class FakeChat(string? answer) : IChatClient
    {
        public int Calls { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return answer is null
                ? throw new HttpRequestException("model unavailable")
                : Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
