using Dealix.Orchestrations.Replies.Contracts;
using Dealix.Orchestrations.Replies.Rules;
using Dealix.Orchestrations.Support.Contracts;
using Microsoft.Extensions.AI;

namespace Dealix.Orchestrations.Classification;

/// <summary>
/// The optional third layer: asks a language model (any <see cref="IChatClient"/>, e.g. Azure OpenAI when configured)
/// for one category or priority. Off unless a host registers a client; never required. Its answer is only ever
/// merged through <see cref="ReplyClassifier.WithSecondOpinion"/> and <see cref="WithSecondOpinion(TicketClassification, TicketPriority?)"/>,
/// which can raise a reply to an opt-out or a ticket to a more urgent priority but never lower either.
/// Unparseable answers and failures of the model give null (no opinion). This class does I/O: call it from an activity.
/// </summary>
public sealed class ChatSecondOpinion(IChatClient client)
{
    internal const int MaxChars = 4000;

    /// <summary>The model's reply category, or null.</summary>
    public async Task<ReplyCategory?> SuggestReplyCategoryAsync(string? text, CancellationToken cancellationToken = default)
    {
        string labels = string.Join(", ", ReplyCategories.All.Select(c => c.WireName));
        string? answer = await AskAsync(
            "You classify replies to B2B sales messages written in Gulf Arabic, formal Arabic, English, mixed text or Arabizi. " +
            $"Answer with exactly one of: {labels}. Anything that asks to stop being contacted is unsubscribe.", text, cancellationToken);
        return answer is not null && ReplyCategories.TryParse(answer, out ReplyCategory category) ? category : null;
    }

    /// <summary>The model's ticket priority, or null.</summary>
    public async Task<TicketPriority?> SuggestTicketPriorityAsync(string? text, CancellationToken cancellationToken = default)
    {
        string? answer = await AskAsync(
            "You triage support tickets of a sales automation product. P0: security, data leak, unauthorised send, unauthorised or " +
            "live charge. P1: service down. P2: connector or integration problem. P3: everything else. Answer with exactly P0, P1, P2 or P3.",
            text, cancellationToken);
        return answer is not null && Enum.TryParse(answer, ignoreCase: true, out TicketPriority priority) && Enum.IsDefined(priority)
            ? priority
            : null;
    }

    /// <summary>Merges a second opinion into a ticket classification: it may only make the ticket more urgent.</summary>
    public static TicketClassification WithSecondOpinion(TicketClassification first, TicketPriority? opinion) =>
        first.Rejected is null && opinion is { } p && p < first.Priority
            ? first with { Priority = p, Reason = $"Raised by the second opinion from {first.Priority}.", Source = "second_opinion" }
            : first;

    private async Task<string?> AskAsync(string system, string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string bounded = text.Length > MaxChars ? text[..MaxChars] : text;
        try
        {
            ChatResponse response = await client.GetResponseAsync(
                [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, bounded)],
                new ChatOptions { Temperature = 0, MaxOutputTokens = 8 }, cancellationToken);
            string answer = response.Text.Trim().Trim('"', '\'', '.', '`').ToLowerInvariant();
            return answer.Length == 0 ? null : answer;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or InvalidOperationException)
        {
            // A second opinion is optional: an unavailable model means no opinion, never a failed classification.
            return null;
        }
    }
}
