using Dealix.Orchestrations.Content.Contracts;
using Dealix.Orchestrations.Content.Ports;
using Dealix.Orchestrations.Content.Rules;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Content.Activities;

/// <summary>
/// One tenant's weekly content suggestions (§17.3): the kill switch first (§17.8, also for a run on request; paused:
/// nothing is read or stored), then the week's facts, the five posts of <see cref="WeeklyContentPlanner"/>, the content
/// gate again on every post (§3.7; a refused post is not stored) and the guard (§17.5 "schedule social posts, as
/// drafts for review" is auto-allowed; §17.9 red lines refuse), and each post stored as a <c>draft</c> calendar entry
/// <c>{week}-{slot}</c> unless that entry exists (a re-run of the week adds nothing and never overwrites a reviewed
/// entry). Each entry has one ledger line (<c>schedule_social_draft</c>, loop marketing, rewritten identically on a
/// re-run). Publishes nothing.
/// </summary>
[DurableTask(Name)]
public sealed class SuggestWeeklyContent(IContentFactsSource facts, IContentCalendarStore calendar, IKillSwitch killSwitch, IAuditLedger ledger)
    : TaskActivity<ContentRunInput, ContentRunResult>
{
    public const string Name = "SuggestWeeklyContent";

    /// <summary>The ledger action of a suggested post (the §17.5 auto-allowed action).</summary>
    public const string Action = "schedule_social_draft";

    public override async Task<ContentRunResult> RunAsync(TaskActivityContext context, ContentRunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await killSwitch.IsPausedAsync(input.TenantId))
        {
            return new ContentRunResult(Scheduling.ScheduledJobOrchestrator.SkippedPaused, input.Week, 0, 0, 0);
        }

        ContentFacts read = await facts.ReadAsync(input.TenantId, input.Week);
        IReadOnlyList<PlannedPost> plan = WeeklyContentPlanner.Plan(input.Week, read);
        string[] titles = [.. read.Competitors.Select(c => c.Title)];
        int stored = 0, existing = 0, blocked = WeeklyContentPlanner.PostsPerWeek - plan.Count;
        foreach (PlannedPost post in plan)
        {
            string entryId = $"{input.Week}-{post.Slot}";
            GateResult gate = ContentPostGate.Check(post.Text, titles);
            Verdict verdict = LoopGuard.Check(new AutomatedAction(input.TenantId, Action, input.CorrelationId, entryId) { Text = post.Text });
            if (!gate.Passed || !verdict.IsAllowed)
            {
                blocked++;
                continue;
            }

            var entry = new ContentEntry(input.TenantId, entryId, input.Week, post.Slot, post.Topic, post.TemplateId, post.Text, ContentStatus.Draft,
                post.Inspiration, input.At, input.At, Warnings: gate.Warnings);
            bool added = await calendar.AddIfAbsentAsync(entry);
            ContentEntry kept = added ? entry : await calendar.GetAsync(input.TenantId, entryId) ?? entry;
            stored += added ? 1 : 0;
            existing += added ? 0 : 1;
            await ledger.AppendAsync(new AuditEntry(AuditIds.From($"content:{input.TenantId}:{entryId}", "suggested"), input.TenantId, input.CorrelationId, Action, "A",
                "automation", $"content:{entryId}", kept.CreatedAt, To: ContentStatus.Draft, Reason: $"{kept.Topic}/{kept.TemplateId}: draft for review, not published",
                AutoApproved: true, Outcome: "draft"));
        }

        return new ContentRunResult("completed", input.Week, stored, existing, blocked);
    }
}
