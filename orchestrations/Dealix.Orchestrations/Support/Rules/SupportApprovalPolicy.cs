using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Support.Rules;

/// <summary>
/// The approval SLA of a ticket's first-response draft (§4.4, §11.3): due at 50 % of the ticket's first-response
/// target (P0 15 min, P1 60 min, P2 4 h, P3 12 h), warning at 75 % of that. It has no expiry of its own (the ticket SLA
/// keeps running); the draft is dropped when the ticket's resolution target passes (project choice), since a "we
/// received your report" message is pointless by then. Pure.
/// </summary>
public static class SupportApprovalPolicy
{
    /// <summary>The plan for a first-response draft requested at <paramref name="requestedAt"/>.</summary>
    public static ApprovalPlan PlanFor(TicketPriority priority, DateTime requestedAt, DateTime expiresAt)
    {
        TimeSpan due = SupportPriorities.For(priority).FirstResponseTarget * 0.5;
        var steps = new List<ApprovalStep>(2);
        DateTime warningAt = requestedAt + (due * 0.75);
        DateTime dueAt = requestedAt + due;
        if (warningAt < expiresAt)
        {
            steps.Add(new ApprovalStep(ApprovalStepKind.Reminder, warningAt));
        }

        if (dueAt < expiresAt)
        {
            steps.Add(new ApprovalStep(ApprovalStepKind.Escalation, dueAt));
        }

        return new ApprovalPlan(steps, expiresAt);
    }

    /// <summary>The priority a first-response draft was made for, from its category (<c>support_p0</c> … <c>support_p3</c>).</summary>
    public static TicketPriority? PriorityOf(ReplyDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Kind == DraftKind.SupportFirstResponse && draft.Category.StartsWith(CategoryPrefix, StringComparison.Ordinal)
            && Enum.TryParse(draft.Category[CategoryPrefix.Length..], ignoreCase: true, out TicketPriority p) && Enum.IsDefined(p)
            ? p
            : null;
    }

    /// <summary>The category of a first-response draft for a priority.</summary>
    public static string Category(TicketPriority priority) => CategoryPrefix + priority.ToString().ToLowerInvariant();

    /// <summary>The plan of any pending draft as stored (the sweep): deal drafts by §4.4's deal rows, ticket drafts by
    /// this policy; null for a support draft whose category names no priority.</summary>
    public static ApprovalPlan? PlanForStored(ReplyDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Kind == DraftKind.SupportFirstResponse)
        {
            return PriorityOf(draft) is { } p ? PlanFor(p, draft.CreatedAt, draft.ExpiresAt ?? draft.CreatedAt.AddDays(7)) : null;
        }

        ApprovalPlan plan = ApprovalPolicy.PlanFor(draft.Kind, draft.Stage, draft.Channel, draft.CreatedAt, draft.ExpiresAt);
        return draft.ExpiresAt is { } stored ? plan with { Steps = [.. plan.Steps.Where(s => s.DueAt < stored)], ExpiresAt = stored } : plan;
    }

    private const string CategoryPrefix = "support_";
}
