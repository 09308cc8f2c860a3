using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Deals.Activities;

/// <summary>
/// Stores a draft (pending approval, or approved by the §8.6 rule) and records it on the audit ledger. The draft id
/// comes from the orchestration, so a retry rewrites the same row. A reply answers one inbound message: when the deal
/// already holds a draft answering that message, that draft is returned instead of a second one (an episode that wrote
/// it and then died with its process is run again with a new time, hence a new id), and the orchestration adopts it.
/// Never sends anything.
/// </summary>
[DurableTask(Name)]
public sealed class CreateReplyDraft(IDraftStore drafts, IAuditLedger ledger, TimeProvider clock) : TaskActivity<CreateDraftInput, ReplyDraft>
{
    public const string Name = "CreateReplyDraft";

    public override async Task<ReplyDraft> RunAsync(TaskActivityContext context, CreateDraftInput input)
    {
        string key = ActivityKeys.Of(context, input.IdempotencyKey, input);
        ReplyDraft draft = input.Draft;
        if (draft.Kind == DraftKind.Reply && draft.InReplyToMessageId is { } answers
            && (await drafts.ListForDealAsync(draft.TenantId, draft.DealInstanceId)).FirstOrDefault(d =>
                d.Kind == DraftKind.Reply && d.InReplyToMessageId == answers && d.DraftId != draft.DraftId) is { } earlier)
        {
            return earlier;
        }

        await drafts.CreateAsync(draft);
        await ledger.AppendAsync(new AuditEntry(
            AuditIds.From(key), draft.TenantId, draft.CorrelationId, "draft_created", "A", "automation",
            draft.DealInstanceId, clock.GetUtcNow().UtcDateTime, Channel: JsonName(draft.Channel), ApprovalId: draft.DraftId,
            AutoApproved: draft.AutoApproved, Reason: $"{draft.Kind}: {draft.Category}".ToLowerInvariant(),
            Outcome: JsonName(draft.Status)));
        return draft;
    }

    private static string JsonName<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value).Trim('"');
}
