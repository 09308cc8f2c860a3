using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Outreach.Activities;

/// <summary>
/// Reads up to <see cref="OutreachRunInput.Limit"/> approved drafts of a tenant (oldest first, ids only) and how many
/// e-mails it sent today (AST), for send-approved-batch (§10.6). Changes nothing.
/// </summary>
[DurableTask(Name)]
public sealed class ListApprovedDrafts(IDraftStore drafts, ISendLog sendLog, TimeProvider clock) : TaskActivity<OutreachRunInput, ApprovedBatch>
{
    public const string Name = "ListApprovedDrafts";

    public override async Task<ApprovedBatch> RunAsync(TaskActivityContext context, OutreachRunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int limit = Math.Clamp(input.Limit, 1, 100);
        var found = new List<ReplyDraft>();
        string? token = null;
        do
        {
            DraftPage page = await drafts.ListAsync(input.TenantId, new DraftQuery(DraftStatus.Approved, PageSize: 100, ContinuationToken: token));
            found.AddRange(page.Items.Where(d => d.Kind is not (DraftKind.OnboardingStep or DraftKind.ConnectorAction or DraftKind.LoopAction))); // approval records, not messages
            token = page.ContinuationToken;
        }
        while (token is not null && found.Count < 1000);

        DateOnly today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(3));
        int emailToday = await sendLog.CountAsync(input.TenantId, MessageChannel.Email, today);
        return new ApprovedBatch(
            [.. found.OrderBy(d => d.DecidedAt ?? d.CreatedAt).ThenBy(d => d.DraftId, StringComparer.Ordinal).Take(limit)
                .Select(d => new ApprovedDraftRef(d.DraftId, d.Channel, d.Kind, d.DealInstanceId, d.CorrelationId, d.AutoApproved))],
            emailToday);
    }
}
